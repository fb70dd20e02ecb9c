package ws2.runtime;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the table Gogo's {@code lb -s} prints: {@code id|state|level|symbolic name (version)|version}.
 */
final class BundleList {

    private BundleList() {
    }

    /**
     * @param output the output of {@code lb -s}
     * @return each listed bundle's symbolic name mapped to its state, e.g. {@code ws2.core -> Active}
     */
    static Map<String, String> states(String output) {
        Map<String, String> states = new TreeMap<>();
        for (String line : output.split("\\R")) {
            String[] columns = line.split("\\|");
            if (columns.length >= 4 && columns[0].trim().matches("\\d+")) {
                String name = columns[3].trim();
                int version = name.indexOf(" (");
                states.put(version < 0 ? name : name.substring(0, version), columns[1].trim());
            }
        }
        return states;
    }
}
