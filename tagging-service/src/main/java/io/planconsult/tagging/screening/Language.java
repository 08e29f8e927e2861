package io.planconsult.tagging.screening;

/** The language a suggestion is written in, as far as tagging needs to know. */
public enum Language {
    /** Chinese, possibly with Latin abbreviations (AI, eVTOL) and numbers. */
    CHINESE,
    /** English, possibly with Chinese place names. */
    ENGLISH,
    /** Chinese written in Latin letters (hanyu pinyin) without characters. */
    PINYIN,
    /** Neither letters nor characters to judge by (emoji, digits, punctuation). */
    UNKNOWN
}
