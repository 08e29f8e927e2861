package io.planconsult.intake.domain;

import java.util.UUID;

/** No suggestion has this id. */
public class SuggestionNotFoundException extends RuntimeException {
    public SuggestionNotFoundException(UUID id) {
        super("no suggestion " + id);
    }
}
