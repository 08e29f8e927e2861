package io.planconsult.reporting.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** The districts reports are kept for, with display names; a versioned data file. */
@ApplicationScoped
public class Districts {

    public record District(String code, String name, String nameEn) {
    }

    record DistrictFile(String version, List<District> districts) {
    }

    private final List<District> districts;
    private final Set<String> codes;

    Districts(ObjectMapper mapper, @ConfigProperty(name = "reporting.districts.resource", defaultValue = "districts.json") String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("district list " + resource + " not found on the class path");
            }
            this.districts = List.copyOf(mapper.readValue(in, DistrictFile.class).districts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.codes = districts.stream().map(District::code).collect(Collectors.toUnmodifiableSet());
    }

    public boolean exists(String code) {
        return codes.contains(code);
    }

    public List<District> all() {
        return districts;
    }
}
