package org.chorusfeed.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds files that live beside the module: the repository's {@code spec/} and the workspace's {@code shared/}. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The first {@code relative} file found walking up from the working directory, if any. */
    static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
