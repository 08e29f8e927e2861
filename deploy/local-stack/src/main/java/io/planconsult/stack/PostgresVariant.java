package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services default to embedded H2. For PostgreSQL, a copy of a service's mutable jar
 * is re-augmented once with {@code quarkus.datasource.db-kind=postgresql} (Quarkus' documented way
 * to change a build-time property after packaging); the copy is redone when the build is newer.
 */
final class PostgresVariant {

    private PostgresVariant() {
    }

    /** @return the quarkus-app directory of the PostgreSQL variant of {@code built} */
    static Path of(Path built, Path variantsDir, String service) {
        // Re-augmentation resolves its jars through the directory name, so the copy keeps "quarkus-app".
        Path target = variantsDir.resolve(service + "-postgresql").resolve("quarkus-app");
        Path stamp = target.resolve(".built-from");
        try {
            FileTime builtAt = Files.getLastModifiedTime(built.resolve("quarkus-run.jar"));
            if (Files.exists(stamp) && Files.readString(stamp).equals(builtAt.toString())) {
                return target;
            }
            deleteTree(target);
            copyTree(built, target);
            reaugment(target, service);
            Files.writeString(stamp, builtAt.toString());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PostgreSQL variant of " + service, e);
        }
    }

    private static void reaugment(Path app, String service) throws IOException {
        Process p = new ProcessBuilder(Java.executable(), "-Dquarkus.launch.rebuild=true",
                "-Dquarkus.datasource.db-kind=postgresql", "-jar", "quarkus-run.jar")
                .directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(app.resolve("reaugmentation.log").toFile())
                .start();
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("re-augmenting " + service + " for PostgreSQL failed; see " + app.resolve("reaugmentation.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
