package org.chorusfeed.joining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.chorusfeed.member.NewMember;
import org.junit.jupiter.api.Test;

/** The limits of invitations and join requests, each at and just past its edge. */
class NewInvitationTest {
    @Test
    void uses_areOneToAThousand() {
        assertThat(NewInvitation.singleUse().uses(1).uses()).isEqualTo(1);
        assertThat(NewInvitation.singleUse().uses(1000).uses()).isEqualTo(1000);
        assertThatThrownBy(() -> NewInvitation.singleUse().uses(0)).hasMessageContaining("uses is 0");
        assertThatThrownBy(() -> NewInvitation.singleUse().uses(1001)).hasMessageContaining("uses is 1001");
    }

    @Test
    void validity_isOneToNinetyDays() {
        assertThat(NewInvitation.singleUse().validFor(Duration.ofDays(1)).validFor()).isEqualTo(Duration.ofDays(1));
        assertThat(NewInvitation.singleUse().validFor(Duration.ofDays(90)).validFor()).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> NewInvitation.singleUse().validFor(Duration.ofDays(1).minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 90 days");
        assertThatThrownBy(() -> NewInvitation.singleUse().validFor(Duration.ofDays(90).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NewInvitation.singleUse().validFor()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void note_isAtMostTwoHundredCharacters_withoutControlCharacters() {
        assertThat(NewInvitation.singleUse().note("n".repeat(200)).note()).hasSize(200);
        assertThatThrownBy(() -> NewInvitation.singleUse().note("n".repeat(201))).hasMessageContaining("201");
        assertThatThrownBy(() -> NewInvitation.singleUse().note("a\u0007b")).hasMessageContaining("control");
    }

    @Test
    void joinRequestMessage_isAtMostFiveHundredCharacters() {
        NewJoinRequest base = NewJoinRequest.of("u-1", NewMember.handle("ada"));
        assertThat(base.message("m".repeat(500)).message()).hasSize(500);
        assertThatThrownBy(() -> base.message("m".repeat(501))).hasMessageContaining("501");
    }

    @Test
    void joinRequest_checksHandleNameAndAccount_likeAMember() {
        assertThatThrownBy(() -> NewJoinRequest.of("u-1", NewMember.handle("ada")).message("").member()
                .account("has space")).hasMessageContaining("account");
        assertThatThrownBy(() -> new NewJoinRequest("", "ada", "Ada", java.util.Optional.empty(), ""))
                .hasMessageContaining("account");
        assertThatThrownBy(() -> new NewJoinRequest("u-1", "Not A Handle", "Ada", java.util.Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
