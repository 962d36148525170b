package org.chorusfeed.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The made-up network the benchmarks read and write: organisations, member handles and the text of brief
 * posts about members' work, 80 to 200 characters, some with a tag, a link or a mention. Everything follows
 * from a seed, so a store generated twice is the same store.
 */
final class SampleNetwork {
    /** The tags posts carry, as authors write them; 50, some of them not ASCII. */
    static final List<String> TAGS = List.of("BalticLab", "OpenData", "Zusammenarbeit", "Łódź", "Energiewende",
            "CircularEconomy", "Hydrogen", "SoilHealth", "Robotics", "FieldWork", "Biodiversity", "UrbanFarming",
            "Recycling", "Wind", "Solar", "Batteries", "Logistics", "Funding", "Hiring", "Events", "Workshop",
            "Meetup", "Research", "Prototype", "Release", "Grants", "Policy", "Water", "Forestry", "Fisheries",
            "Mobility", "Rail", "Ports", "Textiles", "Design", "Education", "Students", "Mentoring", "Health",
            "Climate", "Data", "AI", "OpenSource", "Standards", "Safety", "Café", "Kraków", "Göteborg", "Tallinn",
            "Rīga");

    /** Share of posts with one tag, a link, a mention; share of replies and of imported blog posts. */
    static final double TAGGED = 0.30;
    static final double LINKED = 0.15;
    static final double MENTIONING = 0.08;
    static final double REPLIES = 0.10;
    static final double IMPORTED = 0.03;

    private static final String[] FIRST = {"ada", "bruno", "carla", "dmitri", "eva", "filip", "greta", "hanna",
        "ivan", "jonas", "kasia", "lars", "maja", "nils", "olga", "piotr", "quinn", "rasa", "sven", "tove", "ugne",
        "viktor", "wanda", "xenia", "yusuf", "zofia", "aino", "birgit", "cezary", "dagny", "elin", "frida", "gints",
        "helmi", "ilze", "janis", "kaja", "liis", "marek", "nora"};
    private static final String[] LAST = {"nowak", "berg", "lind", "kowalski", "ozols", "tamm", "virtanen",
        "schmidt", "hansen", "petersen", "kask", "zielinska", "larsen", "koch", "strom", "wojcik", "kalnins",
        "saar", "holm", "fischer", "maki", "dahl", "sorensen", "lehtonen", "brandt", "wolff", "jansons", "rebane",
        "nyberg", "kaminski", "vogel", "eriksen", "laine", "mazur", "ek", "krause", "berzins", "lepp", "aalto",
        "weber"};
    private static final String[] ORG_FIRST = {"baltic", "nordic", "harbour", "river", "forest", "delta",
        "coastal", "alpine", "urban", "open", "green", "north", "east", "west", "south", "bright", "clear", "deep",
        "high", "new"};
    private static final String[] ORG_LAST = {"lab", "works", "collective", "institute", "studio", "coop",
        "foundation", "network", "energy", "data"};

    private static final String[] OPENERS = {"Finished", "Started", "Shipped", "Wrapped up", "Kicked off",
        "Reviewed", "Tested", "Presented", "Published", "Drafted", "Calibrated", "Measured", "Prototyped",
        "Documented", "Planned", "Repaired", "Moved", "Cleaned up", "Rewrote", "Booked"};
    private static final String[] OBJECTS = {"the soil sampling run", "a new sensor batch", "the quarterly report",
        "our grant application", "the pilot with two partner labs", "the data cleaning scripts",
        "a workshop on open standards", "the harbour logistics study", "the battery test rig",
        "our first community meetup", "the wind tunnel measurements", "the water quality dashboard",
        "a reading list for new students", "the shared equipment calendar", "the recycling pilot",
        "the forest plot survey", "our open dataset release", "the mentoring programme", "the rail freight model",
        "the textile dye experiments"};
    private static final String[] CONTEXTS = {"at the north field", "with the team in Gdańsk", "ahead of schedule",
        "after three rainy days", "together with the students", "for the partner network", "on the new test bench",
        "before the holidays", "despite a power cut", "in the shared lab", "with help from two members",
        "for the city council", "on a very early train", "between two site visits", "with fresh coffee"};
    private static final String[] ENDINGS = {".", "!", " and the results look promising.", ". More next week.",
        ". Notes are in the shared folder.", ". Happy to share details.", ". Questions welcome.",
        ". Thanks to everyone who helped."};

    private SampleNetwork() {
    }

    /** The slug of organisation {@code index} (0 to {@link #organisationCount()} - 1). */
    static String organisationSlug(int index) {
        return ORG_FIRST[index / ORG_LAST.length] + "-" + ORG_LAST[index % ORG_LAST.length];
    }

    /** The display name of organisation {@code index}. */
    static String organisationName(int index) {
        return capitalise(ORG_FIRST[index / ORG_LAST.length]) + " " + capitalise(ORG_LAST[index % ORG_LAST.length]);
    }

    /** How many organisations the network has. */
    static int organisationCount() {
        return ORG_FIRST.length * ORG_LAST.length;
    }

    /** The handle of member {@code index} (from 0): unique, such as {@code ada-nowak} or {@code ada-nowak-3}. */
    static String handle(int index) {
        int combos = FIRST.length * LAST.length;
        String base = FIRST[index % FIRST.length] + "-" + LAST[(index / FIRST.length) % LAST.length];
        return index < combos ? base : base + "-" + (index / combos);
    }

    /** The display name of member {@code index}. */
    static String name(int index) {
        return capitalise(FIRST[index % FIRST.length]) + " " + capitalise(LAST[(index / FIRST.length) % LAST.length]);
    }

    /** The key a tag is filtered and stored by: lower-cased as the store does. */
    static String tagKey(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /**
     * The raw text of a post as a member would type it: one to three sentences, 80 to about 200 characters, then
     * with their shares a tag, a link and a mention of another member.
     *
     * @param handles the handles a mention may name
     */
    static String postText(SplittableRandom random, List<String> handles) {
        int target = 80 + random.nextInt(101);
        StringBuilder text = new StringBuilder(240);
        while (true) {
            String sentence = OPENERS[random.nextInt(OPENERS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)]
                    + " " + CONTEXTS[random.nextInt(CONTEXTS.length)] + ENDINGS[random.nextInt(ENDINGS.length)];
            if (text.length() >= 80 && text.length() + 1 + sentence.length() > target) {
                break;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentence);
        }
        if (random.nextDouble() < MENTIONING) {
            text.append(" Thanks @").append(handles.get(random.nextInt(handles.size()))).append('!');
        }
        if (random.nextDouble() < LINKED) {
            text.append(" https://example.org/notes/").append(Integer.toString(random.nextInt(1 << 30), 36));
        }
        if (random.nextDouble() < TAGGED) {
            String tag = TAGS.get(random.nextInt(TAGS.size()));
            if (random.nextBoolean()) {
                text.append(" #").append(tag);
            } else {
                text.insert(0, "#" + tag + " ");
            }
        }
        return text.toString();
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
