package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.JsonResources;
import java.util.List;

/**
 * Word lists for personal-data detection, as versioned data (tagging/pii.json).
 *
 * @param strongNameCues  self-introduction and signature cues after which a short Han run is a name (我叫、反映人)
 * @param surnameNameCues cues after which a listed surname and two characters are a name (本人)
 * @param accountCues     words before a QQ or WeChat id (QQ、微信号、vx)
 * @param passportCues    words before a passport or permit number (护照、通行证)
 * @param plateProvinces  the one-character province abbreviations a car plate starts with
 */
public record PiiRules(String version, List<String> surnames, List<String> nameTriggers, List<String> roleWords,
        List<String> honorifics, List<String> contactKeywords, List<String> notNames,
        List<String> addressLeadWords, String nameStopEndings, List<String> strongNameCues,
        List<String> surnameNameCues, List<String> accountCues, List<String> passportCues, String plateProvinces) {

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
        strongNameCues = strongNameCues == null ? List.of() : List.copyOf(strongNameCues);
        surnameNameCues = surnameNameCues == null ? List.of() : List.copyOf(surnameNameCues);
        accountCues = accountCues == null ? List.of() : List.copyOf(accountCues);
        passportCues = passportCues == null ? List.of() : List.copyOf(passportCues);
        plateProvinces = plateProvinces == null ? "" : plateProvinces;
    }

    public static PiiRules loadDefault() {
        return JsonResources.read(DEFAULT_RESOURCE, PiiRules.class);
    }
}
