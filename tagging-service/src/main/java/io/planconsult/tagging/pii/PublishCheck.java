package io.planconsult.tagging.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ResidualGuard} applied to every text field of an event right before it is published: the
 * redacted text is masked where needed, a keyword the guard would mask is dropped, and the review
 * reasons gain {@value ResidualGuard#REASON} when either happened (here or earlier, in the engine).
 *
 * @param text          the text to publish
 * @param keywords      the keywords to publish
 * @param reviewReasons the reasons to publish
 * @param residual      personal data was masked by the guard: the event must be flagged for review
 */
public record PublishCheck(String text, List<String> keywords, List<String> reviewReasons, boolean residual) {

    public static PublishCheck of(String text, List<String> keywords, List<String> reviewReasons) {
        ResidualGuard.Result guarded = ResidualGuard.guard(text);
        List<String> kept = keywords.stream().filter(k -> !ResidualGuard.guard(k).masked()).toList();
        boolean residual = guarded.masked() || kept.size() < keywords.size()
                || reviewReasons.contains(ResidualGuard.REASON);
        List<String> reasons = reviewReasons;
        if (residual && !reviewReasons.contains(ResidualGuard.REASON)) {
            reasons = new ArrayList<>(reviewReasons);
            reasons.add(ResidualGuard.REASON);
        }
        return new PublishCheck(guarded.text(), kept, List.copyOf(reasons), residual);
    }
}
