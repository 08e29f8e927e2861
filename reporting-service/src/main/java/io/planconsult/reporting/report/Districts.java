package io.planconsult.reporting.report;

import java.util.List;

import io.planconsult.contract.reference.District;
import io.planconsult.contract.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;

/** The districts reports are kept for, with display names: the contract's versioned district list. */
@ApplicationScoped
public class Districts {

    public boolean exists(String code) {
        return ReferenceData.districts().contains(code);
    }

    public List<District> all() {
        return ReferenceData.districts().districts();
    }
}
