package io.planconsult.stack;

import java.nio.file.Path;

final class Java {

    private Java() {
    }

    /** The java binary running this JVM: the services run on the same JDK. */
    static String executable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
