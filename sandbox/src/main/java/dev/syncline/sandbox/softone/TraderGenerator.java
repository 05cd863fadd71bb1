package dev.syncline.sandbox.softone;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic Greek traders (customers and suppliers share SoftOne's TRDR table): company names,
 * activities, addresses, tax offices and AFMs with valid check digits. Values come as strings or
 * numbers, and the tax office as IRSDATA or IRSDATA_1, as different SoftOne installations answer.
 */
final class TraderGenerator {

    private static final String[] SURNAMES = {"ΠΑΠΑΔΟΠΟΥΛΟΣ", "ΓΕΩΡΓΙΟΥ", "ΝΙΚΟΛΑΟΥ", "ΚΩΝΣΤΑΝΤΙΝΙΔΗΣ", "ΙΩΑΝΝΟΥ",
            "ΒΛΑΧΟΣ", "ΑΘΑΝΑΣΙΟΥ", "ΔΗΜΗΤΡΙΟΥ", "ΚΑΡΑΓΙΑΝΝΗΣ", "ΟΙΚΟΝΟΜΟΥ", "Μαυρίδης", "Τσακαλώτος"};
    private static final String[] FORMS = {"Α.Ε.", "Ο.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε.", "& ΣΙΑ Ε.Ε.", "Μονοπρόσωπη Ι.Κ.Ε."};
    private static final String[] ACTIVITIES = {"ΕΜΠΟΡΙΟ ΗΛΕΚΤΡΟΛΟΓΙΚΟΥ ΥΛΙΚΟΥ", "ΧΟΝΔΡΕΜΠΟΡΙΟ ΤΡΟΦΙΜΩΝ",
            "Κατασκευή επίπλων", "ΥΠΗΡΕΣΙΕΣ ΛΟΓΙΣΤΙΚΗΣ", "Εστίαση – καφέ", "ΜΕΤΑΦΟΡΕΣ ΕΜΠΟΡΕΥΜΑΤΩΝ"};
    private static final String[] STREETS = {"ΕΡΜΟΥ", "ΠΑΤΗΣΙΩΝ", "Λεωφ. Κηφισίας", "ΑΓΙΟΥ ΔΗΜΗΤΡΙΟΥ", "Εγνατίας",
            "ΤΣΙΜΙΣΚΗ", "Ελευθερίου Βενιζέλου"};
    private static final String[][] PLACES = {{"ΑΘΗΝΑ", "10563", "ΑΤΤΙΚΗ", "Δ.Ο.Υ. Α' ΑΘΗΝΩΝ"},
            {"ΘΕΣΣΑΛΟΝΙΚΗ", "54624", "ΚΕΝΤΡΙΚΗ ΜΑΚΕΔΟΝΙΑ", "Δ.Ο.Υ. Δ' ΘΕΣΣΑΛΟΝΙΚΗΣ"},
            {"Πάτρα", "26221", "ΔΥΤΙΚΗ ΕΛΛΑΔΑ", "Δ.Ο.Υ. Α' ΠΑΤΡΩΝ"},
            {"Ηράκλειο", "71202", "ΚΡΗΤΗ", "Δ.Ο.Υ. Ηρακλείου"},
            {"ΠΕΙΡΑΙΑΣ", "18531", "ΑΤΤΙΚΗ", "Δ.Ο.Υ. Α' ΠΕΙΡΑΙΑ"},
            {"Λάρισα", "41222", "ΘΕΣΣΑΛΙΑ", "Δ.Ο.Υ. Α' Λάρισας"}};

    private TraderGenerator() {
    }

    /** A valid Greek AFM from 8 digits: the 9th is the weighted sum mod 11 mod 10. */
    static String afm(long eightDigits) {
        String base = String.format("%08d", eightDigits % 100_000_000L);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (base.charAt(i) - '0') << (8 - i);
        }
        return base + (sum % 11) % 10;
    }

    static boolean validAfm(String afm) {
        return afm != null && afm.matches("\\d{9}") && afm(Long.parseLong(afm.substring(0, 8))).equals(afm);
    }

    /** The record of a trader with this TRDR, in revision {@code revision} (changes bump it), updated at {@code updated}. */
    static Map<String, Object> trader(long seed, long trdr, int sodtype, int revision, LocalDateTime updated, String afm) {
        Random random = new Random(seed * 31 + trdr);
        String[] place = PLACES[random.nextInt(PLACES.length)];
        Map<String, Object> row = new LinkedHashMap<>();
        boolean numbersAsStrings = random.nextBoolean();
        row.put("TRDR", numbersAsStrings ? Long.toString(trdr) : trdr);
        row.put("CODE", (sodtype == 13 ? "Π" : "ΠΡ") + String.format("%05d", trdr));
        row.put("AFM", afm);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + FORMS[random.nextInt(FORMS.length)];
        row.put("NAME", revision == 0 ? name : name + " (αναθ. " + revision + ")");
        row.put("JOBTYPETRD", ACTIVITIES[random.nextInt(ACTIVITIES.length)]);
        row.put("ADDRESS", STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(180)));
        row.put("CITY", place[0]);
        row.put("ZIP", place[1]);
        row.put("DISTRICT", place[2]);
        row.put("COUNTRY", numbersAsStrings ? "1000" : 1000);
        boolean active = random.nextInt(5) != 0;
        row.put("ISPROSP", numbersAsStrings ? (active ? "1" : "0") : (active ? 1 : 0));
        row.put("PHONE01", "210" + String.format("%07d", random.nextInt(10_000_000)));
        row.put(random.nextBoolean() ? "IRSDATA" : "IRSDATA_1", place[3]);
        row.put("SOCURRENCY", numbersAsStrings ? "100" : 100);
        row.put("UPDDATE", SoftOneClock.FORMAT.format(updated));
        return row;
    }
}
