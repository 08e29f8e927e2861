package io.planconsult.intake.domain;

/**
 * A correction by station staff ({@code PATCH}): each field optional, at least one present.
 *
 * @param text    the corrected text (e.g. a typo fixed), replacing the whole text
 * @param channel the corrected channel code
 */
public record Amendment(String text, String channel) {
}
