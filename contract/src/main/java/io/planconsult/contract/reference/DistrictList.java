package io.planconsult.contract.reference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The versioned list of districts and counties ({@code reference/districts.json}), in display order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistrictList(String version, List<District> districts) {

    public DistrictList {
        districts = List.copyOf(districts);
    }

    public List<String> codes() {
        return districts.stream().map(District::code).toList();
    }

    public boolean contains(String code) {
        return districts.stream().anyMatch(d -> d.code().equals(code));
    }
}
