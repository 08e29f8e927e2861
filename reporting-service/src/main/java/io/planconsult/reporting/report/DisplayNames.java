package io.planconsult.reporting.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.reference.District;
import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.contract.reference.TopicTaxonomy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Display names of topics, channels and districts: topics and districts from the contract's reference data,
 * channels from {@code channels.json}. Reports list them in file order; a code the files do not know (an older
 * taxonomy's) is shown as itself.
 */
@ApplicationScoped
public class DisplayNames {

    /** A code with its Chinese and English display names. */
    public record Label(String code, String name, String nameEn) {
    }

    record ChannelFile(String version, List<Label> channels) {
    }

    private final Map<String, Label> topics;
    private final Map<String, Label> channels;
    private final Map<String, Label> districts = new LinkedHashMap<>();
    private final String taxonomyVersion;

    DisplayNames(ObjectMapper mapper, Districts districtList,
            @ConfigProperty(name = "reporting.channels.resource", defaultValue = "channels.json")
            String channelResource) {
        TopicTaxonomy taxonomy = ReferenceData.taxonomy();
        this.taxonomyVersion = taxonomy.version();
        this.topics = index(taxonomy.topics().stream().map(t -> new Label(t.code(), t.name(), t.nameEn())).toList());
        this.channels = index(read(mapper, channelResource, ChannelFile.class).channels());
        for (District d : districtList.all()) {
            districts.put(d.code(), new Label(d.code(), d.name(), d.nameEn()));
        }
    }

    public List<Label> topics() {
        return List.copyOf(topics.values());
    }

    public List<Label> channels() {
        return List.copyOf(channels.values());
    }

    public List<Label> districts() {
        return List.copyOf(districts.values());
    }

    public boolean isTopic(String code) {
        return topics.containsKey(code);
    }

    public boolean isDistrict(String code) {
        return districts.containsKey(code);
    }

    public Label topic(String code) {
        return lookup(topics, code);
    }

    public Label channel(String code) {
        return lookup(channels, code);
    }

    public Label district(String code) {
        return lookup(districts, code);
    }

    public String taxonomyVersion() {
        return taxonomyVersion;
    }

    private static Label lookup(Map<String, Label> labels, String code) {
        if (code == null) {
            return new Label("", "", "");
        }
        Label label = labels.get(code);
        return label != null ? label : new Label(code, code, code);
    }

    private static Map<String, Label> index(List<Label> labels) {
        Map<String, Label> byCode = new LinkedHashMap<>();
        labels.forEach(l -> byCode.put(l.code(), l));
        return byCode;
    }

    private static <T> T read(ObjectMapper mapper, String resource, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("data file " + resource + " not found on the class path");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
