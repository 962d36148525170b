package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import org.chorusfeed.Chorus;
import org.chorusfeed.export.ExportArchive;
import org.chorusfeed.export.MemberExport;
import org.chorusfeed.member.Member;
import org.chorusfeed.servlet.ChorusServletConfig;
import org.chorusfeed.syndication.FeedInfo;
import tools.jackson.databind.JsonNode;

/** A member's data rights over HTTP: their export as a zip download, and the erasure of their account. */
final class DataRightsRoutes {
    private static final String ZIP = "application/zip";

    private final ChorusServletConfig config;
    private final Chorus chorus;

    DataRightsRoutes(ChorusServletConfig config) {
        this.config = config;
        this.chorus = config.chorus();
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/me/export", Access.MEMBER, this::export)
                .add("DELETE", "/api/me", Access.MEMBER, this::erase);
    }

    /**
     * {@code GET /api/me/export}: everything the network holds about the caller, as a zip streamed to them
     * ({@code member.json} and {@code posts.atom}); never stored by caches.
     */
    private void export(Exchange x) throws IOException {
        Member member = x.member();
        MemberExport export = chorus.members().export(member.id());
        String base = Mount.baseUrl(x.request(), config.publicBaseUrl());
        FeedInfo feed = FeedInfo.of(config.hubTitle() + ": @" + member.handle(),
                URI.create(base + "/feed.atom?member=" + member.handle()), URI.create(base), Instant.EPOCH);
        HttpServletResponse response = x.response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ZIP);
        response.setHeader("Cache-Control", "no-store");
        // a handle is lower-case letters, digits, '-' and '_', so the file name needs no quoting beyond the quotes
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ExportArchive.fileName(export) + "\"");
        if ("HEAD".equals(x.request().getMethod())) {
            return;
        }
        OutputStream out = response.getOutputStream();
        ExportArchive.write(export, feed, id -> URI.create(base + "/api/posts/" + id), out);
        out.flush();
    }

    /**
     * {@code DELETE /api/me} with {@code {"confirm": "<own handle>"}}: erases the caller. Anything else in
     * {@code confirm} is refused with 422 and removes nothing.
     */
    private void erase(Exchange x) throws IOException {
        Member member = x.member();
        JsonNode confirm = x.body("confirm").fields().get("confirm");
        if (confirm == null || !confirm.isString() || !confirm.asString().equals(member.handle())) {
            throw new ProblemException(ProblemType.ERASURE_NOT_CONFIRMED, "erasing @" + member.handle()
                    + " removes their profile, posts, appreciations and tokens for good; to go ahead, send "
                    + "{\"confirm\": \"" + member.handle() + "\"}");
        }
        chorus.members().erase(member.id(), member.handle());
        x.noContent();
    }
}
