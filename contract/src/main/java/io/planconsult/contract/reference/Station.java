package io.planconsult.contract.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A deputy liaison station or legislative contact point, and the district it lies in. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Station(String id, String name, String district) {
}
