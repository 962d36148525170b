package org.chorusfeed.samples.hub.seed;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.samples.hub.seed.DemoNetwork.DemoMember;
import org.chorusfeed.samples.hub.seed.DemoNetwork.DemoOrganisation;
import org.chorusfeed.samples.hub.seed.DemoPhrases.Reply;
import org.chorusfeed.samples.hub.seed.DemoPhrases.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds an empty store with the demo network: its organisations, its members, and {@value #POSTS} brief posts
 * over the last three weeks, in English and German, with replies, mentions, tags, links, appreciations and a few
 * edits. The texts are combined from {@link DemoNetwork} and {@link DemoPhrases} by a seeded {@link Random}, so
 * every seeding writes the same posts; only their times follow the day it runs.
 *
 * <p>Each act is done through the ordinary API with the {@link SeedClock} held at the act's moment, in the order
 * of those moments, so posts get the ids and times of that moment like any native post.
 */
public final class DemoSeeder {
    /** How many posts the demo network starts with. */
    public static final int POSTS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final long RANDOM_SEED = 0x0F0E_4DE5L;
    private static final ZoneId KIEL = ZoneId.of("Europe/Berlin");
    private static final Duration SPAN = Duration.ofDays(21);
    private static final int[] HOUR_WEIGHTS = {1, 3, 5, 6, 6, 4, 5, 6, 6, 5, 4, 3, 2, 2, 1}; // 07:00 to 21:59
    private static final int FIRST_HOUR = 7;
    private static final int EDITS = 6;
    /** First sentences that ask for something get the replies that fit a question. */
    private static final Pattern ASKING = Pattern.compile("\\?|\\b([Ll]ooking for|[Ss]uche|suchen|sucht)\\b");

    /**
     * What was seeded.
     *
     * @param organisations organisations saved
     * @param members       members admitted
     * @param posts         posts published, replies included
     * @param replies       of which replies
     * @param appreciations appreciations recorded
     * @param edits         posts edited
     */
    public record Summary(int organisations, int members, int posts, int replies, int appreciations, int edits) {
    }

    private final Chorus chorus;
    private final SeedClock clock;
    private final Random random = new Random(RANDOM_SEED);
    private final Instant start;
    private final Instant end;

    private DemoSeeder(Chorus chorus, SeedClock clock, Instant now) {
        this.chorus = chorus;
        this.clock = clock;
        this.end = now.minus(Duration.ofMinutes(30));
        this.start = now.minus(SPAN);
    }

    /**
     * Seeds the demo network when the store has no members; otherwise does nothing, so restarts never seed twice.
     *
     * @param chorus the hub's Chorus, built with {@code clock}
     * @param clock  the clock the Chorus reads, released when this returns
     * @return what was seeded, or empty when the store already had members
     */
    public static Optional<Summary> seedIfEmpty(Chorus chorus, SeedClock clock) {
        if (!chorus.members().list().isEmpty()) {
            return Optional.empty();
        }
        LOG.info("Empty store: seeding the demo network (this takes a few seconds, once)");
        try {
            return Optional.of(new DemoSeeder(chorus, clock, clock.instant()).seed());
        } finally {
            clock.release();
        }
    }

    private Summary seed() {
        Map<String, MemberId> ids = admitMembers();
        List<Act> acts = plan();
        acts.sort(Comparator.comparing(Act::time).thenComparingInt(Act::order));
        Map<Integer, PostId> posts = new HashMap<>();
        int replies = 0;
        int appreciations = 0;
        int edits = 0;
        for (Act act : acts) {
            clock.holdAt(act.time());
            if (act instanceof Publish p) {
                Post post = p.parent() < 0
                        ? chorus.posts().publish(ids.get(p.author()), p.text())
                        : chorus.posts().reply(ids.get(p.author()), posts.get(p.parent()), p.text());
                posts.put(p.planned(), post.id());
                replies += p.parent() < 0 ? 0 : 1;
            } else if (act instanceof Edit e) {
                chorus.posts().edit(posts.get(e.planned()), ids.get(e.author()), e.text());
                edits++;
            } else if (act instanceof Appreciate a) {
                chorus.posts().appreciate(posts.get(a.planned()), ids.get(a.member()));
                appreciations++;
            }
        }
        return new Summary(DemoNetwork.ORGANISATIONS.size(), ids.size(), posts.size(), replies, appreciations, edits);
    }

    private Map<String, MemberId> admitMembers() {
        Instant founded = start.minus(Duration.ofDays(14));
        clock.holdAt(founded);
        for (DemoOrganisation org : DemoNetwork.ORGANISATIONS) {
            chorus.organisations().save(Organisation.of(org.slug(), org.name()).withWebsite(org.website()));
        }
        Map<String, MemberId> ids = new HashMap<>();
        Instant joined = founded;
        for (DemoMember m : DemoNetwork.MEMBERS) {
            joined = joined.plus(Duration.ofHours(7 + random.nextInt(20)));
            clock.holdAt(joined);
            Member member = chorus.members().admit(NewMember.handle(m.handle()).name(m.name()).organisation(m.org())
                    .bio(m.bio()).role(m.admin() ? Role.ADMIN : Role.MEMBER)
                    .links(List.of(DemoNetwork.organisation(m.org()).orElseThrow().website())));
            ids.put(m.handle(), member.id());
        }
        return ids;
    }

    // ---- planning: every act with its moment, before anything is written ----

    /** Something the seeder does at a moment; {@code order} breaks ties so a post comes before what refers to it. */
    private sealed interface Act permits Publish, Edit, Appreciate {
        Instant time();

        int order();
    }

    /** Publishing planned post number {@code planned}, a reply to planned post {@code parent} unless it is -1. */
    private record Publish(Instant time, int order, int planned, String author, Lang lang, Topic topic, String text,
            int parent) implements Act {
    }

    private record Edit(Instant time, int order, int planned, String author, String text) implements Act {
    }

    private record Appreciate(Instant time, int order, int planned, String member) implements Act {
    }

    private List<Act> plan() {
        List<Publish> posts = new ArrayList<>();
        for (Publish topLevel : topLevelPosts()) {
            posts.add(new Publish(topLevel.time(), posts.size(), posts.size(), topLevel.author(), topLevel.lang(),
                    topLevel.topic(), topLevel.text(), -1));
        }
        int topLevelCount = posts.size();
        while (posts.size() < POSTS) {
            addConversation(posts, posts.get(random.nextInt(topLevelCount)));
        }
        List<Act> acts = new ArrayList<>(posts);
        int order = posts.size();
        for (Publish post : pickEdited(posts, topLevelCount)) {
            Instant at = after(post.time(), Duration.ofMinutes(5), Duration.ofMinutes(90));
            DemoMember author = DemoNetwork.member(post.author());
            String note = fill(pick(linesIn(DemoPhrases.EDIT_NOTES, post.lang())).text(), author);
            acts.add(new Edit(at, order++, post.planned(), post.author(), post.text() + " " + note));
        }
        for (Publish post : posts) {
            int count = post.parent() < 0 ? weighted(new int[] {3, 4, 4, 3, 2, 1, 1}) : weighted(new int[] {6, 3, 1});
            for (String member : others(post.author(), count)) {
                Instant at = after(post.time(), Duration.ofMinutes(2), Duration.ofHours(30));
                acts.add(new Appreciate(at, order++, post.planned(), member));
            }
        }
        return acts;
    }

    /** Every member's own lines, the everyday lines and the events, each once, at random moments, oldest first. */
    private List<Publish> topLevelPosts() {
        List<Publish> drafts = new ArrayList<>();
        for (DemoMember m : DemoNetwork.MEMBERS) {
            for (Line line : m.lines()) {
                drafts.add(draft(m, line, false));
            }
        }
        for (Line line : DemoPhrases.EVERYDAY) {
            List<DemoMember> speakers = DemoNetwork.MEMBERS.stream().filter(m -> m.languages().contains(line.lang())).toList();
            drafts.add(draft(pick(speakers), line, false));
        }
        for (DemoPhrases.Event event : DemoPhrases.EVENTS) {
            drafts.add(draft(DemoNetwork.member(event.handle()), event.line(), true));
        }
        drafts.sort(Comparator.comparing(Publish::time));
        return drafts;
    }

    private Publish draft(DemoMember author, Line line, boolean event) {
        StringBuilder text = new StringBuilder(fill(line.text(), author));
        boolean hasLink = line.text().contains("{link}") || line.text().contains("https://");
        if (!hasLink && random.nextInt(100) < 55) {
            text.append(' ').append(fill(pick(linesIn(DemoPhrases.FOLLOW_UPS, line.lang())).text(), author));
        }
        Set<String> tags = new LinkedHashSet<>();
        if (event) {
            tags.add("Events");
        }
        int tagCount = weighted(event ? new int[] {5, 4} : new int[] {3, 6, 2});
        for (int i = 0; i < tagCount; i++) {
            tags.add(pick(author.tags()));
        }
        tags.forEach(tag -> text.append(" #").append(tag));
        Topic topic = event ? Topic.EVENT
                : line.notice() ? Topic.NOTICE
                : ASKING.matcher(line.text()).find() ? Topic.ASK
                : Topic.WORK;
        return new Publish(randomMoment(), 0, 0, author.handle(), line.lang(), topic, text.toString(), -1);
    }

    /** A reply to a top-level post that fits it, and sometimes the author's answer to that reply. */
    private void addConversation(List<Publish> posts, Publish parent) {
        DemoMember replier = DemoNetwork.member(others(parent.author(), 1).get(0));
        Lang lang = replier.languages().contains(parent.lang()) ? parent.lang() : replier.languages().iterator().next();
        Reply reply = pick(DemoPhrases.REPLIES.stream().filter(r -> r.lang() == lang && r.topic() == parent.topic()).toList());
        Publish replyPost = new Publish(after(parent.time(), Duration.ofMinutes(4), Duration.ofHours(5)), posts.size(),
                posts.size(), replier.handle(), lang, parent.topic(), "@" + parent.author() + " " + reply.reply(),
                parent.planned());
        posts.add(replyPost);
        if (posts.size() < POSTS && lang == parent.lang() && random.nextInt(100) < 30) {
            posts.add(new Publish(after(replyPost.time(), Duration.ofMinutes(10), Duration.ofHours(3)), posts.size(),
                    posts.size(), parent.author(), lang, parent.topic(), "@" + replier.handle() + " " + reply.answer(),
                    replyPost.planned()));
        }
    }

    /** A few top-level posts that are not events, by different authors, to be edited. */
    private List<Publish> pickEdited(List<Publish> posts, int topLevelCount) {
        List<Publish> edited = new ArrayList<>();
        Set<String> authors = new LinkedHashSet<>();
        while (edited.size() < EDITS) {
            Publish candidate = posts.get(random.nextInt(topLevelCount));
            if (!candidate.text().contains("#Events") && authors.add(candidate.author())) {
                edited.add(candidate);
            }
        }
        return edited;
    }

    // ---- text ----

    private String fill(String template, DemoMember author) {
        String text = template;
        if (text.contains("{peer}")) {
            text = text.replace("{peer}", others(author.handle(), 1).get(0));
        }
        if (text.contains("{link}")) {
            List<URI> links = DemoNetwork.organisation(author.org()).orElseThrow().links();
            text = text.replace("{link}", pick(links).toString());
        }
        return text;
    }

    private static List<Line> linesIn(List<Line> lines, Lang lang) {
        return lines.stream().filter(l -> l.lang() == lang).toList();
    }

    /** {@code count} different members other than {@code handle}, in random order. */
    private List<String> others(String handle, int count) {
        List<String> pool = new ArrayList<>(DemoNetwork.MEMBERS.stream().map(DemoMember::handle)
                .filter(h -> !h.equals(handle)).toList());
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, Math.min(count, pool.size()));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index into {@code weights}, drawn with those weights. */
    private int weighted(int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: weights " + java.util.Arrays.toString(weights));
    }

    // ---- time ----

    /** A moment in the seeded span, in Kiel's working hours, on weekends less often. */
    private Instant randomMoment() {
        LocalDate first = start.atZone(KIEL).toLocalDate();
        while (true) {
            LocalDate day = first.plusDays(random.nextInt((int) SPAN.toDays() + 1));
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && random.nextInt(100) < 70) {
                continue;
            }
            ZonedDateTime at = day.atTime(FIRST_HOUR + weighted(HOUR_WEIGHTS), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1000) * 1_000_000).atZone(KIEL);
            Instant moment = at.toInstant();
            if (moment.isAfter(start) && moment.isBefore(end)) {
                return moment;
            }
        }
    }

    /** A moment between {@code min} and {@code max} after {@code time}, never later than the seeded span allows. */
    private Instant after(Instant time, Duration min, Duration max) {
        long spread = max.minus(min).toMillis();
        Instant moment = time.plus(min).plusMillis((long) (random.nextDouble() * spread));
        if (moment.isAfter(end)) {
            moment = time.plusMillis(1 + random.nextInt(60_000)); // late in the span: soon after, still before now
        }
        return moment;
    }
}
