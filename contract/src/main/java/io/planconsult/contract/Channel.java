package io.planconsult.contract;

import java.util.Arrays;
import java.util.Optional;

/** How a suggestion reached the congress (DOMAIN.md). Serialised as its lower-case code. */
public enum Channel {
    STATION, FORUM, PLATFORM, MEDIA, DEPUTY, CPPCC;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
