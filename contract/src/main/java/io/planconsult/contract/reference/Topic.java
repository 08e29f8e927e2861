package io.planconsult.contract.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A key area of the consultation: the code on events and in APIs, with its Chinese and English names. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Topic(String code, String name, String nameEn) {
}
