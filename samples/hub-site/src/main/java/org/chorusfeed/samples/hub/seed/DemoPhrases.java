package org.chorusfeed.samples.hub.seed;

import static org.chorusfeed.samples.hub.seed.Line.de;
import static org.chorusfeed.samples.hub.seed.Line.en;

import java.util.List;

/**
 * Sentences any member of the demo network might write: everyday openers, event announcements, second
 * sentences, replies and edit notes. The seeder combines them with the members' own lines.
 */
final class DemoPhrases {
    private DemoPhrases() {
    }

    /**
     * An event announcement by a given member; each is posted once and carries {@code #Events}.
     *
     * @param handle who announces it
     * @param line   the announcement
     */
    record Event(String handle, Line line) {
    }

    /** Everyday first sentences; each is used once, by a member who writes the language. */
    static final List<Line> EVERYDAY = List.of(
            en("Quiet morning in the hub, a good day to finally write documentation."),
            en("Anyone driving to Hamburg on Thursday with a free seat?"),
            en("Our team lunch turned into a whiteboard session again."),
            en("Whoever left a box of cable ties in the kitchen: thank you.").asNotice(),
            en("First day back from holiday, and the to-do list has grown legs."),
            en("Trying out the standing desks on the co-working floor this week."),
            en("The bike rack by the entrance is full again; maybe time for a second one.").asNotice(),
            en("Sunny enough to work on the terrace today."),
            en("Just finished a call with a possible pilot customer, fingers crossed."),
            en("Cleaning up our shared drive and found the very first photo of the hub."),
            de("Ruhiger Vormittag im Hub, perfekt zum Aufräumen der Doku."),
            de("Fährt jemand am Donnerstag nach Hamburg und hat noch einen Platz frei?"),
            de("Unser Teamfrühstück ist wieder zur Whiteboard-Sitzung geworden."),
            de("Erster Tag nach dem Urlaub, und die Liste ist länger als vorher."),
            de("Die Sonne scheint, wir arbeiten heute auf der Terrasse."),
            de("Gerade ein gutes Gespräch mit einem möglichen Pilotkunden gehabt."),
            de("Wer hat den roten Zollstock aus der Werkstatt zuletzt gesehen?"),
            de("Heute ist Doku-Tag, ich bin also sehr konzentriert und sehr langsam."));

    /** Event announcements; the seeder adds {@code #Events}. */
    static final List<Event> EVENTS = List.of(
            new Event("hannah", en("Förde Demo Night next Thursday at 18:30: six members, two minutes each, then pretzels. "
                    + "https://example.org/foerde/demo-night")),
            new Event("jonas", de("Am Samstag ist Tag der offenen Tür im Hub, von 11 bis 16 Uhr mit Führungen durch alle Werkstätten.")),
            new Event("mia", de("Einführungskurs Lasercutter am Dienstag um 17 Uhr, höchstens sechs Personen. "
                    + "Anmeldung: https://example.org/werkhaus/kurse")),
            new Event("frieder", de("Öffentlicher Vortrag im Institut am Mittwoch um 19 Uhr: Was Messbojen über die Förde verraten.")),
            new Event("katrin", en("Windwerk field day on Friday: watch the prototype turn and ask us anything. "
                    + "https://example.com/windwerk/field-test")),
            new Event("lea", en("Design critique on Friday at 14:00 at Studio Salzwasser; bring a screen or a sketch.")),
            new Event("erik", de("Zusätzliche Fördersprechstunde am Montag von 9 bis 11 Uhr, wegen der Frist zum Monatsende.")),
            new Event("selin", en("E-textiles evening at Werkhaus on Thursday: materials provided, no experience needed.")),
            new Event("amara", en("Join us on the pier on Saturday morning to watch a buoy being deployed.")),
            new Event("noor", en("Open risograph session at the studio on Wednesday afternoon; bring a drawing.")),
            new Event("jonas", de("Nächster Stammtisch des Netzwerks: Dienstag ab 19 Uhr in der Hafenkantine.")),
            new Event("priya", en("Battery safety workshop at Windwerk next week, two places left. "
                    + "https://example.com/windwerk/batteries")));

    /** Second sentences, added to some first sentences of the same language. */
    static final List<Line> FOLLOW_UPS = List.of(
            en("Photos to follow."),
            en("Feedback very welcome."),
            en("Come by if you are curious."),
            en("More soon."),
            en("Notes are here: {link}"),
            en("Details: {link}"),
            en("Questions? Find me in the hub."),
            en("Small step, but it feels good."),
            en("That took longer than planned."),
            en("Happy to share what we learned."),
            en("If you want to join, reply here."),
            en("Write-up: {link}"),
            de("Fotos folgen."),
            de("Feedback gern hier."),
            de("Kommt gern vorbei."),
            de("Mehr dazu bald."),
            de("Notizen: {link}"),
            de("Details hier: {link}"),
            de("Fragen gern direkt an mich."),
            de("Kleiner Schritt, gutes Gefühl."),
            de("Hat länger gedauert als gedacht."),
            de("Wer mitmachen will, meldet sich hier."),
            de("Bericht: {link}"),
            de("Danke an alle, die geholfen haben."));

    /** What a post is about, which decides the replies that fit it. */
    enum Topic {
        /** News about one's work. */
        WORK,
        /** An announcement tagged #Events. */
        EVENT,
        /** A question or a request for help. */
        ASK,
        /** A practical notice: a room, a rule, opening hours. */
        NOTICE
    }

    /**
     * A reply that fits posts of a topic, and the original author's answer to it. The seeder puts {@code @author}
     * in front of the reply and {@code @replier} in front of the answer.
     *
     * @param lang   the language of both
     * @param topic  the posts it fits
     * @param reply  the reply
     * @param answer the author's answer to the reply
     */
    record Reply(Lang lang, Topic topic, String reply, String answer) {
    }

    static final List<Reply> REPLIES = List.of(
            new Reply(Lang.EN, Topic.WORK, "Great news, congratulations!", "Thank you, it was a team effort."),
            new Reply(Lang.EN, Topic.WORK, "Could you send me the details? We might have a use for it.",
                    "Sure, I'll send them over tonight."),
            new Reply(Lang.EN, Topic.WORK, "We had the same problem last year, happy to compare notes.",
                    "Yes please, coffee on Monday?"),
            new Reply(Lang.EN, Topic.WORK, "Nice work!", "Thanks! It took a few rounds."),
            new Reply(Lang.EN, Topic.WORK, "Is there a write-up somewhere? I would love to read it.",
                    "Not yet, but I'll write one this week."),
            new Reply(Lang.EN, Topic.WORK, "That is exactly what we need for our field test.",
                    "Then let's talk, I'll come by."),
            new Reply(Lang.EN, Topic.WORK, "How long did that take you?", "About two weeks, with interruptions."),
            new Reply(Lang.EN, Topic.WORK, "Thanks for sharing this!", "Gladly!"),
            new Reply(Lang.EN, Topic.EVENT, "Count me in.", "Great, see you there!"),
            new Reply(Lang.EN, Topic.EVENT, "I'll bring coffee.", "Perfect, thank you!"),
            new Reply(Lang.EN, Topic.EVENT, "Brilliant, see you there.", "See you!"),
            new Reply(Lang.EN, Topic.EVENT, "Can I bring a colleague?", "Of course, the more the merrier."),
            new Reply(Lang.EN, Topic.ASK, "I might be able to help with that, ping me.", "Thank you, I'll drop by your desk."),
            new Reply(Lang.EN, Topic.ASK, "Let's talk about it at lunch tomorrow.", "Deal, 12:30 in the kitchen."),
            new Reply(Lang.EN, Topic.ASK, "Good question, I would like to know too.", "I'll share whatever I find out."),
            new Reply(Lang.EN, Topic.NOTICE, "Thanks for the heads-up.", "You're welcome."),
            new Reply(Lang.EN, Topic.NOTICE, "Good to know, thanks!", "Any time."),
            new Reply(Lang.DE, Topic.WORK, "Glückwunsch, das ist super!", "Danke, das war Teamarbeit."),
            new Reply(Lang.DE, Topic.WORK, "Kannst du mir die Unterlagen schicken? Das könnte uns auch helfen.",
                    "Klar, schicke ich dir heute Abend."),
            new Reply(Lang.DE, Topic.WORK, "Das Problem hatten wir auch, lass uns mal austauschen.",
                    "Gern, Kaffee am Montag?"),
            new Reply(Lang.DE, Topic.WORK, "Starke Arbeit!", "Danke! Hat ein paar Anläufe gebraucht."),
            new Reply(Lang.DE, Topic.WORK, "Gibt es dazu eine Anleitung? Würde ich gern lesen.",
                    "Noch nicht, aber ich schreibe diese Woche eine."),
            new Reply(Lang.DE, Topic.WORK, "Genau das brauchen wir für unseren Feldtest.",
                    "Dann lass uns reden, ich komme mal vorbei."),
            new Reply(Lang.DE, Topic.WORK, "Wie lange hat das gedauert?", "Etwa zwei Wochen, mit Unterbrechungen."),
            new Reply(Lang.DE, Topic.WORK, "Danke fürs Teilen!", "Gern!"),
            new Reply(Lang.DE, Topic.EVENT, "Bin dabei.", "Super, bis dann!"),
            new Reply(Lang.DE, Topic.EVENT, "Ich bringe Kuchen mit.", "Perfekt, danke dir!"),
            new Reply(Lang.DE, Topic.EVENT, "Klasse, bis dann!", "Bis dann!"),
            new Reply(Lang.DE, Topic.EVENT, "Darf ich eine Kollegin mitbringen?", "Na klar, je mehr, desto besser."),
            new Reply(Lang.DE, Topic.ASK, "Da kann ich vielleicht helfen, sprich mich an.",
                    "Danke, ich komme morgen bei dir vorbei."),
            new Reply(Lang.DE, Topic.ASK, "Lass uns morgen beim Mittagessen darüber sprechen.",
                    "Abgemacht, 12:30 in der Küche."),
            new Reply(Lang.DE, Topic.ASK, "Gute Frage, das interessiert mich auch.", "Ich sage Bescheid, was ich herausfinde."),
            new Reply(Lang.DE, Topic.NOTICE, "Danke für den Hinweis.", "Gern geschehen."),
            new Reply(Lang.DE, Topic.NOTICE, "Gut zu wissen, danke!", "Immer gern."));

    /** What an author adds when editing a post. */
    static final List<Line> EDIT_NOTES = List.of(
            en("Update: thanks for all the replies and messages!"),
            en("Edit: added the details, {link}"),
            en("Update: more on this at the next Demo Night."),
            de("Update: Danke für die vielen Rückmeldungen!"),
            de("Nachtrag: Details stehen jetzt hier: {link}"),
            de("Update: Mehr dazu beim nächsten Demo-Abend."));
}
