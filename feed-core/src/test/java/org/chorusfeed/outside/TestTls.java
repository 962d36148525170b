package org.chorusfeed.outside;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made for the tests with the JDK's {@code keytool}, for the names it lists: a server
 * context that presents it and a client context that trusts it (and nothing else).
 */
final class TestTls {
    private static final char[] PASSWORD = "chorus-test".toCharArray();

    private static TestTls shared;

    final SSLContext server;
    final SSLContext client;

    /** One certificate for the names the pretend internet serves, made once per test run. */
    static synchronized TestTls shared() throws IOException, GeneralSecurityException, InterruptedException {
        if (shared == null) {
            Path directory = Files.createTempDirectory("chorus-tls");
            directory.toFile().deleteOnExit();
            shared = forNames(directory, "chorus.test", "307.r3dir.me", "public.chorus.test");
            try (var files = Files.list(directory)) {
                files.forEach(file -> file.toFile().deleteOnExit());
            }
        }
        return shared;
    }

    private TestTls(SSLContext server, SSLContext client) {
        this.server = server;
        this.client = client;
    }

    /** A certificate for the given DNS names, made in {@code directory}. */
    static TestTls forNames(Path directory, String... names) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path store = directory.resolve("tls-" + System.nanoTime() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "chorus", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + names[0], "-ext", "SAN=dns:" + String.join(",dns:", names),
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(directory.resolve("keytool.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + Files.readString(directory.resolve("keytool.log")));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);

        Certificate certificate = keys.getCertificate("chorus");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("chorus", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers.getTrustManagers(), null);
        return new TestTls(server, client);
    }
}
