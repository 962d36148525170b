package org.chorusfeed.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.blogs.BlogStatus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.GivenAppreciation;

/**
 * Everything the network holds about one member, as of {@code exportedAt}. Access tokens appear by their
 * metadata only: the network never holds their secrets, and their hashes are left out.
 *
 * <pre>{@code
 * MemberExport export = chorus.members().export(ada.id());
 * ExportArchive.write(export, feedInfo, id -> URI.create("https://hub.example/?post=" + id), out);
 * }</pre>
 *
 * @param exportedAt         when the export was taken
 * @param member             the profile
 * @param organisation       the organisation the member belongs to, if any
 * @param posts              every post of theirs (replies and imported ones included), newest first
 * @param appreciationsGiven the appreciations they gave that stand, newest first
 * @param tokens             their access tokens, active or revoked, newest first
 * @param reportsMade        the reports of posts they made, with the admins' decisions
 * @param blogFeed           how importing their blog goes, if they set a blog feed URL
 */
public record MemberExport(Instant exportedAt, Member member, Optional<Organisation> organisation,
        List<ExportedPost> posts, List<GivenAppreciation> appreciationsGiven, List<AccessToken> tokens,
        List<Report> reportsMade, Optional<BlogStatus> blogFeed) {

    /** Checks the fields. */
    public MemberExport {
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(organisation, "organisation");
        posts = List.copyOf(posts);
        appreciationsGiven = List.copyOf(appreciationsGiven);
        tokens = List.copyOf(tokens);
        reportsMade = List.copyOf(reportsMade);
        Objects.requireNonNull(blogFeed, "blogFeed");
    }
}
