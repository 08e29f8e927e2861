package io.planconsult.contract.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A district or county of the city: the code on events and in APIs, with its Chinese and English names. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record District(String code, String name, String nameEn) {
}
