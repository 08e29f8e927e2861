package io.planconsult.reporting.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of every cell of an XLSX workbook, as a spreadsheet shows it. A plain search of the unzipped parts finds no
 * Chinese text: fastexcel keeps strings in {@code xl/sharedStrings.xml} (cells hold an index, {@code t="s"}) and writes
 * every non-ASCII character as a numeric character reference ({@code 夜} is {@code &#x591c;}). So the parts are read
 * with the JDK's XML parser, which resolves the references, and shared and inline strings are both followed.
 */
final class WorkbookCells {

    private static final String SHARED = "xl/sharedStrings.xml";

    private WorkbookCells() {
    }

    static List<String> of(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("workbook", ".xlsx");
        try {
            Files.write(file, xlsx);
            // Through the central directory: fastexcel streams entries with data descriptors.
            try (ZipFile archive = new ZipFile(file.toFile())) {
                ZipEntry sharedPart = archive.getEntry(SHARED);
                List<String> shared = sharedPart == null ? List.of() : sharedStrings(archive.getInputStream(sharedPart));
                List<String> cells = new ArrayList<>();
                for (ZipEntry e : Collections.list(archive.entries())) {
                    if (e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")) {
                        cells.addAll(sheet(archive.getInputStream(e), shared));
                    }
                }
                return cells;
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a readable workbook part", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Each {@code <si>}: its {@code <t>} runs joined, phonetic hints ({@code <rPh>}) left out. */
    private static List<String> sharedStrings(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in, "UTF-8");
        List<String> strings = new ArrayList<>();
        StringBuilder current = null;
        boolean phonetic = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "rPh" -> phonetic = true;
                    case "t" -> {
                        String text = xml.getElementText();
                        if (!phonetic && current != null) {
                            current.append(text);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("si") && current != null) {
                    strings.add(current.toString());
                    current = null;
                } else if (xml.getLocalName().equals("rPh")) {
                    phonetic = false;
                }
            }
        }
        return strings;
    }

    /** Each {@code <c>}: a shared string by index, an inline string, a formula's string or a number, as text. */
    private static List<String> sheet(InputStream in, List<String> shared) throws XMLStreamException {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in, "UTF-8");
        List<String> cells = new ArrayList<>();
        String type = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "c" -> type = xml.getAttributeValue(null, "t");
                    case "is" -> inline = new StringBuilder();
                    case "t" -> {
                        String text = xml.getElementText();
                        if (inline != null) {
                            inline.append(text);
                        }
                    }
                    case "v" -> {
                        String value = xml.getElementText();
                        cells.add("s".equals(type) ? shared.get(Integer.parseInt(value.strip())) : value);
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("is") && inline != null) {
                cells.add(inline.toString());
                inline = null;
            }
        }
        return cells;
    }
}
