package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.JsonResources;
import java.util.List;

/** Word lists for personal-data detection, as versioned data (tagging/pii.json). */
public record PiiRules(String version, List<String> surnames, List<String> nameTriggers, List<String> roleWords,
        List<String> honorifics, List<String> contactKeywords, List<String> notNames,
        List<String> addressLeadWords, String nameStopEndings) {

    public static final String DEFAULT_RESOURCE = "tagging/pii.json";

    public PiiRules {
        surnames = List.copyOf(surnames);
        nameTriggers = List.copyOf(nameTriggers);
        roleWords = List.copyOf(roleWords);
        honorifics = List.copyOf(honorifics);
        contactKeywords = List.copyOf(contactKeywords);
        notNames = List.copyOf(notNames);
        addressLeadWords = List.copyOf(addressLeadWords);
        nameStopEndings = nameStopEndings == null ? "" : nameStopEndings;
    }

    public static PiiRules loadDefault() {
        return JsonResources.read(DEFAULT_RESOURCE, PiiRules.class);
    }
}
