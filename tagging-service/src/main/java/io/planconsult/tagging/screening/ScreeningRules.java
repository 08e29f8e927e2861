package io.planconsult.tagging.screening;

import io.planconsult.tagging.text.JsonResources;
import java.util.List;

/**
 * The cue lists of {@link NonSuggestionDetector}, as versioned data (tagging/screening.json).
 *
 * @param maxLength        a text longer than this (letters and characters, no punctuation) is never screened out
 * @param minMashLength    keyboard mash needs at least this many letters
 * @param negatedProposals phrases such as 没啥具体建议 that contain a proposal cue but deny it
 */
public record ScreeningRules(String version, String description, int maxLength, List<String> greetingCues,
        List<String> testCues, List<String> serviceCues, List<String> serviceObjects, List<String> proposalCues,
        List<String> negatedProposals, int minMashLength, List<String> keyboardRuns) {

    public static final String DEFAULT_RESOURCE = "tagging/screening.json";

    public static ScreeningRules loadDefault() {
        return JsonResources.read(DEFAULT_RESOURCE, ScreeningRules.class);
    }
}
