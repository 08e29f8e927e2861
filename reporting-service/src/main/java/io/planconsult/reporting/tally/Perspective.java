package io.planconsult.reporting.tally;

import java.util.Locale;
import java.util.Optional;

/** Which district a suggestion is counted under. */
public enum Perspective {
    /** The district of the station that collected it. */
    STATION,
    /** The district the text names, or else the station's. */
    SUBJECT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Perspective> fromCode(String code) {
        for (Perspective p : values()) {
            if (p.code().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
