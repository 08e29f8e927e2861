package io.planconsult.contract;

import java.util.List;

/**
 * Why the tagging service asks an analyst to look at a suggestion ({@link SuggestionTagged#reviewReasons()}).
 * A suggestion with no reason is one whose tags an analyst may trust; the review queue lists the others.
 */
public final class ReviewReasons {

    /** The best topic's score is low: no area clearly fits. */
    public static final String LOW_CONFIDENCE = "low-confidence";
    /** The second topic scores almost as high as the first. */
    public static final String CLOSE_SECOND = "close-second";
    /** A greeting, thanks, a test message, a question about the service or keyboard mash; tagged "other". */
    public static final String NOT_A_SUGGESTION = "not-a-suggestion";
    /** A long text whose points fall in different areas: the primary topic is a choice among them. */
    public static final String MULTI_POINT = "multi-point";
    /** Written in a language the topic model was not trained on (English, pinyin), and the tags are unsure. */
    public static final String FOREIGN_LANGUAGE = "foreign-language";
    /** The last-line guard masked something that looked like personal data after redaction. */
    public static final String RESIDUAL_PII = "residual-pii";

    /** Every reason, in the order the review queue lists them. */
    public static final List<String> ALL = List.of(NOT_A_SUGGESTION, RESIDUAL_PII, FOREIGN_LANGUAGE, MULTI_POINT,
            LOW_CONFIDENCE, CLOSE_SECOND);

    private ReviewReasons() {
    }
}
