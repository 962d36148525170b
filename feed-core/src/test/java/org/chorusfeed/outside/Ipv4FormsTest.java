package org.chorusfeed.outside;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The IPv4 notations URL parsers and {@code inet_aton} accept, so that none can slip past the address rules. */
class Ipv4FormsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1, true", "8.8.8.8, 8.8.8.8, true", "0, 0.0.0.0, false", "2130706433, 127.0.0.1, false",
            "017700000001, 127.0.0.1, false", "0x7f000001, 127.0.0.1, false", "0x7f.1, 127.0.0.1, false",
            "127.1, 127.0.0.1, false", "127.0.1, 127.0.0.1, false", "0177.0.0.1, 127.0.0.1, false",
            "0x7f.0x0.0x0.0x1, 127.0.0.1, false", "127.0.0.1., 127.0.0.1, false", "0x, 0.0.0.0, false",
            "10.0x10203, 10.1.2.3, false", "192.168.257, 192.168.1.1, false", "4294967295, 255.255.255.255, false",
            "0251.0376.0251.0376, 169.254.169.254, false"})
    void parse_readsEveryNotation(String host, String dotted, boolean canonical) {
        Ipv4Forms.Parsed parsed = Ipv4Forms.parse(host);

        assertThat(parsed).isInstanceOfSatisfying(Ipv4Forms.Address.class, address -> {
            assertThat(address.dotted()).isEqualTo(dotted);
            assertThat(address.canonical()).isEqualTo(canonical);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "256.0.0.1", "1.2.3.4.5", "0x100000000", "0x41414141a9fea9fe", "08.1.1.1",
            "1..1", "425.510.425.510", "8.8.8.8.example.0x1", "1.2.3.0x100", "example.123", "99999999999999999999"})
    void parse_refusesNumbersThatAreNoAddress(String host) {
        assertThat(Ipv4Forms.parse(host)).isInstanceOf(Ipv4Forms.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "127.0.0.1.nip.io", "0x7f.example", "1.2.3.4a", "localhost", "xn--bcher-kva.example"})
    void parse_leavesHostNamesToTheResolver(String host) {
        assertThat(Ipv4Forms.parse(host)).isInstanceOf(Ipv4Forms.Name.class);
    }
}
