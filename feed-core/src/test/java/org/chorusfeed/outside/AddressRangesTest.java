package org.chorusfeed.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.1.2.3, UNSPECIFIED", "10.255.0.1, PRIVATE", "100.64.0.0, CARRIER_GRADE_NAT",
            "100.127.255.255, CARRIER_GRADE_NAT", "127.0.0.1, LOOPBACK", "169.254.169.254, LINK_LOCAL",
            "172.16.0.0, PRIVATE", "172.31.255.255, PRIVATE", "192.0.0.170, RESERVED", "192.0.2.1, DOCUMENTATION",
            "192.88.99.1, RESERVED", "192.168.1.1, PRIVATE", "198.18.0.0, BENCHMARKING", "198.19.255.255, BENCHMARKING",
            "198.51.100.1, DOCUMENTATION", "203.0.113.255, DOCUMENTATION", "224.0.0.1, MULTICAST",
            "239.255.255.255, MULTICAST", "240.0.0.0, RESERVED", "255.255.255.254, RESERVED",
            "255.255.255.255, BROADCAST",
            "::, UNSPECIFIED", "::1, LOOPBACK", "::ffff:7f00:1, LOOPBACK", "::ffff:a9fe:a9fe, LINK_LOCAL",
            "::7f00:1, LOOPBACK", "::808:808, RESERVED", "::ffff:0:a00:1, PRIVATE", "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b:1::1, PRIVATE", "2002:a9fe:a9fe::, LINK_LOCAL", "2002:c000:0201::1, DOCUMENTATION",
            "2001:0:4136:e378:8000:63bf:80ff:fffe, LOOPBACK", "2001:0:a00:1::1, PRIVATE", "2001:db8::1, DOCUMENTATION",
            "3fff:fff::1, DOCUMENTATION", "2001:2::1, BENCHMARKING", "2001:10::1, RESERVED", "100::1, RESERVED",
            "fc00::1, PRIVATE", "fdff::1, PRIVATE", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL", "fec0::1, PRIVATE",
            "ff02::1, MULTICAST", "4000::1, RESERVED", "1000::1, RESERVED"})
    void notPublic_namesTheRange(String address, AddressRanges.Kind kind) throws UnknownHostException {
        assertThat(AddressRanges.notPublic(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.0.1.255",
            "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            "2a00:1450:4001::200e", "2606:4700::6810:84e5", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "3fff:1000::1", "2001:200::1"})
    void notPublic_isEmptyForPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressRanges.notPublic(InetAddress.getByName(address))).isEmpty();
    }
}
