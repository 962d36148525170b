package org.chorusfeed.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The workspace's public attack corpora ({@code shared/corpus/}), found the same way by every test: the file a
 * system property names, else {@code shared/corpus/NAME} walking up from the working directory (a checkout lies
 * beside {@code shared/}), else {@code /work/shared/corpus/NAME}. Tests that use them skip when they are absent;
 * each carries inline cases of its own so the project stands alone.
 */
public final class AttackCorpus {
    private static final String XSS = "xss-vectors.txt";
    private static final String SSRF = "ssrf-urls.txt";

    private AttackCorpus() {
    }

    /** The XSS corpus file, if there is one ({@code -Dchorus.xssCorpus=...} overrides). */
    public static Optional<Path> xssFile() {
        return find(XSS, "chorus.xssCorpus");
    }

    /** The SSRF corpus file, if there is one ({@code -Dchorus.ssrfCorpus=...} overrides). */
    public static Optional<Path> ssrfFile() {
        return find(SSRF, "chorus.ssrfCorpus");
    }

    /** The SSRF corpus file; skips the calling test when there is none. */
    public static Path requireSsrfFile() {
        Optional<Path> file = ssrfFile();
        Assumptions.assumeTrue(file.isPresent(), "no SSRF corpus beside this checkout; the inline cases still run");
        return file.get();
    }

    /** The XSS corpus's vectors, decoded, comments and blank lines left out; skips the calling test when absent. */
    public static List<String> xssVectors() {
        Optional<Path> file = xssFile();
        Assumptions.assumeTrue(file.isPresent(), "no XSS corpus beside this checkout; the inline cases still run");
        try {
            return Files.readAllLines(file.get(), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .map(AttackCorpus::decode)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the escapes the corpus header lists (backslash and n, r, t, backslash, xHH, or u with four hex
     * digits); a backslash that starts none of them is literal.
     */
    public static String decode(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                out.append(c);
                continue;
            }
            switch (line.charAt(i + 1)) {
                case 'n' -> { out.append('\n'); i++; }
                case 'r' -> { out.append('\r'); i++; }
                case 't' -> { out.append('\t'); i++; }
                case '\\' -> { out.append('\\'); i++; }
                case 'x' -> i = appendHex(line, i, 2, out);
                case 'u' -> i = appendHex(line, i, 4, out);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int appendHex(String line, int backslash, int digits, StringBuilder out) {
        int start = backslash + 2;
        if (start + digits <= line.length() && line.substring(start, start + digits).chars()
                .allMatch(d -> Character.digit(d, 16) >= 0)) {
            out.append((char) Integer.parseInt(line.substring(start, start + digits), 16));
            return start + digits - 1;
        }
        out.append('\\');
        return backslash;
    }

    private static Optional<Path> find(String name, String property) {
        String named = System.getProperty(property);
        if (named != null) {
            return Optional.of(Path.of(named)).filter(Files::isReadable);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus").resolve(name);
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.of(Path.of("/work/shared/corpus", name)).filter(Files::isReadable);
    }
}
