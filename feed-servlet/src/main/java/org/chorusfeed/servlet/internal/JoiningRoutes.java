package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewInvitation;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.joining.NoSuchInvitationException;
import org.chorusfeed.joining.NoSuchJoinRequestException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Joining the network: admins' invitations and join requests, a signed-in person accepting an invitation or
 * asking to join, and what the session tells about it.
 */
final class JoiningRoutes {
    private final Chorus chorus;
    private final People people;
    private final boolean approvalRequests;

    JoiningRoutes(Chorus chorus, People people, boolean approvalRequests) {
        this.chorus = chorus;
        this.people = people;
        this.approvalRequests = approvalRequests;
    }

    void addTo(RouteTable.Builder table) {
        table.add("POST", "/api/admin/invitations", Access.ADMIN, this::createInvitation)
                .add("GET", "/api/admin/invitations", Access.ADMIN, this::invitations)
                .add("DELETE", "/api/admin/invitations/{id}", Access.ADMIN, this::revokeInvitation)
                .add("GET", "/api/invitations/{code}", Access.ANYONE, this::invitation)
                .add("POST", "/api/invitations/{code}/accept", Access.ACCOUNT, this::accept)
                .add("POST", "/api/join-requests", Access.ACCOUNT, this::requestToJoin)
                .add("GET", "/api/admin/join-requests", Access.ADMIN, this::joinRequests)
                .add("POST", "/api/admin/join-requests/{id}/approve", Access.ADMIN, this::approve)
                .add("POST", "/api/admin/join-requests/{id}/decline", Access.ADMIN, this::decline);
    }

    /** The session's joining fields: the account, its newest join request, and how the hub admits people. */
    void describe(Caller caller, ObjectNode session) {
        if (caller.account().isPresent()) {
            session.put("account", caller.account().get());
            Optional<JoinRequest> request = chorus.joinRequests().latest(caller.account().get());
            if (request.isPresent()) {
                session.set("joinRequest", JoiningJson.joinRequest(request.get(), directory()));
            } else {
                session.putNull("joinRequest");
            }
        } else {
            session.putNull("account");
            session.putNull("joinRequest");
        }
        session.put("joining", approvalRequests ? "approval" : "invitation");
    }

    // invitations

    private void createInvitation(Exchange x) throws IOException {
        JsonBody body = x.body("uses", "expiresInDays", "organisation", "note");
        NewInvitation asked = NewInvitation.singleUse();
        Optional<Integer> uses = optionalInt(body, "uses", 1, NewInvitation.MAX_USES);
        if (uses.isPresent()) {
            asked = asked.uses(uses.get());
        }
        Optional<Integer> days = optionalInt(body, "expiresInDays", 1, NewInvitation.MAX_DAYS);
        if (days.isPresent()) {
            asked = asked.validFor(Duration.ofDays(days.get()));
        }
        Optional<String> organisation = body.optionalString("organisation");
        if (organisation.isPresent()) {
            asked = asked.organisation(organisation.get());
        }
        Optional<String> note = body.optionalString("note");
        if (note.isPresent()) {
            asked = asked.note(note.get());
        }
        Invitation invitation = chorus.invitations().create(x.member().id(), asked);
        adminJson(x, HttpServletResponse.SC_CREATED, JoiningJson.invitation(invitation, chorus.clock().instant(),
                directory()));
    }

    private void invitations(Exchange x) throws IOException {
        Directory directory = directory();
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (Invitation invitation : chorus.invitations().list()) {
            items.add(JoiningJson.invitation(invitation, chorus.clock().instant(), directory));
        }
        adminJson(x, HttpServletResponse.SC_OK, node);
    }

    private void revokeInvitation(Exchange x) {
        long id = id(x.parameter("id")).orElseThrow(() -> new NoSuchInvitationException(printableId(x)));
        chorus.invitations().revoke(x.member().id(), id);
        x.noContent();
    }

    private void invitation(Exchange x) throws IOException {
        Invitation invitation = chorus.invitations().open(x.parameter("code"));
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, JoiningJson.openInvitation(invitation, chorus.clock().instant(),
                directory()));
    }

    private void accept(Exchange x) throws IOException {
        String account = signedInAccount(x);
        JsonBody body = x.body("handle", "name", "organisation");
        Member member = chorus.invitations().accept(x.parameter("code"), applicant(body).account(account));
        created(x, Representations.member(member, directory()));
    }

    // join requests

    private void requestToJoin(Exchange x) throws IOException {
        if (!approvalRequests) {
            throw new ProblemException(ProblemType.JOIN_REQUESTS_CLOSED, "this hub admits members by invitation "
                    + "only; ask its admins for an invitation");
        }
        String account = signedInAccount(x);
        JsonBody body = x.body("handle", "name", "organisation", "message");
        NewJoinRequest request = NewJoinRequest.of(account, applicant(body))
                .message(body.optionalString("message").orElse(""));
        JoinRequest submitted = chorus.joinRequests().submit(request);
        created(x, JoiningJson.joinRequest(submitted, directory()));
    }

    private void joinRequests(Exchange x) throws IOException {
        Optional<JoinRequestStatus> status = status(x.query("status").orElse("pending"));
        Directory directory = directory();
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (JoinRequest request : chorus.joinRequests().list(status)) {
            items.add(JoiningJson.joinRequest(request, directory));
        }
        adminJson(x, HttpServletResponse.SC_OK, node);
    }

    private void approve(Exchange x) throws IOException {
        long id = requestId(x);
        Approval approval = chorus.joinRequests().approve(x.member().id(), id);
        Directory directory = directory();
        ObjectNode node = Representations.object();
        node.set("request", JoiningJson.joinRequest(approval.request(), directory));
        node.set("member", Representations.member(approval.member(), directory));
        adminJson(x, HttpServletResponse.SC_OK, node);
    }

    private void decline(Exchange x) throws IOException {
        long id = requestId(x);
        Optional<String> reason = Optional.empty();
        if (AdminRoutes.hasBody(x)) {
            reason = x.body("reason").optionalString("reason");
        }
        JoinRequest declined = chorus.joinRequests().decline(x.member().id(), id, reason);
        adminJson(x, HttpServletResponse.SC_OK, JoiningJson.joinRequest(declined, directory()));
    }

    // plumbing

    private Directory directory() {
        return new Directory(chorus, people);
    }

    /** The account joining; a signed-in member has joined already. */
    private static String signedInAccount(Exchange x) {
        Caller caller = x.caller();
        if (caller.member().isPresent()) {
            throw new ProblemException(ProblemType.ALREADY_MEMBER, "you are the member @"
                    + caller.member().get().handle() + " already; one account joins once")
                    .with("handle", caller.member().get().handle());
        }
        return caller.account().orElseThrow(Problems::unauthenticated);
    }

    /** The handle, name and organisation a person picked. */
    private static NewMember applicant(JsonBody body) {
        NewMember member = NewMember.handle(body.requiredString("handle")).name(body.requiredString("name"));
        Optional<String> organisation = body.optionalString("organisation");
        return organisation.isPresent() ? member.organisation(organisation.get()) : member;
    }

    private static void created(Exchange x, JsonNode node) throws IOException {
        x.response().setHeader("Cache-Control", "no-store");
        x.json(HttpServletResponse.SC_CREATED, node);
    }

    private static void adminJson(Exchange x, int status, JsonNode node) throws IOException {
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(status, node);
    }

    private static long requestId(Exchange x) {
        return id(x.parameter("id")).orElseThrow(() -> new NoSuchJoinRequestException(printableId(x)));
    }

    private static String printableId(Exchange x) {
        return "'" + JsonBody.printable(x.parameter("id")) + "'";
    }

    /** A positive decimal id, or empty for anything else. */
    static Optional<Long> id(String raw) {
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }

    private static Optional<JoinRequestStatus> status(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "pending" -> Optional.of(JoinRequestStatus.PENDING);
            case "approved" -> Optional.of(JoinRequestStatus.APPROVED);
            case "declined" -> Optional.of(JoinRequestStatus.DECLINED);
            case "all" -> Optional.empty();
            default -> throw new ProblemException(ProblemType.INVALID_PARAMETER, "status is '"
                    + JsonBody.printable(value) + "'; give pending, approved, declined or all").with("parameter", "status");
        };
    }

    /** An integer field within a range, if present; a problem naming the field and the range otherwise. */
    static Optional<Integer> optionalInt(JsonBody body, String name, int min, int max) {
        JsonNode node = body.fields().get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the field '" + name + "' is " + node
                    + "; give a whole number from " + min + " to " + max).with("field", name);
        }
        return Optional.of(node.intValue());
    }
}
