package dev.syncline.packages.matching;

import dev.syncline.packages.support.CrmSandbox;
import dev.syncline.packages.support.PackageTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A profile is mapped to one CRM customer by email, then phone, then name; never to a guess. */
@QuarkusTest
class CustomerMatchingTest extends PackageTestBase {

    @BeforeEach
    void crmWithNearDuplicates() {
        CrmSandbox.reset(200, 300, 1000);
    }

    @Test
    void emailMatchesWhateverItsCase() {
        String crmId = CrmSandbox.addCustomer("Anna.Lee@Example.COM", "+66 91 111 2222", "Anna Lee");
        UUID profile = newProfileId();
        login(profile, " anna.lee@example.com ", null, null);

        assertMatched(awaitMapping(profile), crmId, "email");
    }

    @Test
    void phoneMatchesAcrossFormats() {
        String crmId = CrmSandbox.addCustomer("someone.else@example.com", "+66 92 345 6789", "Phone Person");
        UUID profile = newProfileId();
        login(profile, "new.address@example.org", "092-345-6789", null);

        assertMatched(awaitMapping(profile), crmId, "phone");
    }

    @Test
    void phoneMatchesWhereverTheCrmSplitTheDigits() {
        java.util.Map<UUID, String> expected = new java.util.LinkedHashMap<>();
        for (int split = 1; split < 10; split++) {
            String digits = String.format("09%08d", 31415920 + split);
            String crmPhone = digits.substring(0, split) + " " + digits.substring(split);
            String crmId = CrmSandbox.addCustomer("split" + split + "@crm.example.com", crmPhone, "Split Number " + split);
            UUID profile = newProfileId();
            login(profile, "someone" + split + "@elsewhere.example.org", "+66 " + digits.substring(1, 3) + " "
                    + digits.substring(3, 6) + " " + digits.substring(6), null);
            expected.put(profile, crmId);
        }
        expected.forEach((profile, crmId) -> assertMatched(awaitMapping(profile), crmId, "phone"));
    }

    @Test
    void nameIsTheLastResort() {
        String crmId = CrmSandbox.addCustomer("zed@example.net", "+66 93 000 0001", "Zed  Quillfeather");
        UUID profile = newProfileId();
        login(profile, "zq@example.org", "0999999999", "zed quillfeather");

        assertMatched(awaitMapping(profile), crmId, "name");
    }

    @Test
    void anAmbiguousMatchMapsNothingAndSaysWhy() {
        CrmSandbox.addCustomer("twin.one@example.com", "+66 94 000 0001", "Twin Person");
        CrmSandbox.addCustomer("twin.two@example.com", "+66 94 000 0002", "Twin Person");
        UUID profile = newProfileId();
        login(profile, "nobody@example.org", null, "Twin Person");

        JsonPath seen = awaitMapping(profile);
        assertEquals("ambiguous", seen.getString("mapping.status"));
        assertThat(seen.getString("mapping.note"), containsString("2 CRM customers are named Twin Person"));
        assertEquals(0, seen.getList("packages").size());
    }

    @Test
    void twoCustomersWithOneEmailAreAmbiguousToo() {
        CrmSandbox.addCustomer("shared@example.com", "+66 95 000 0001", "First Sharer");
        CrmSandbox.addCustomer("Shared@example.com", "+66 95 000 0002", "Second Sharer");
        UUID profile = newProfileId();
        login(profile, "shared@example.com", "+66 95 000 0001", "First Sharer");

        JsonPath seen = awaitMapping(profile);
        assertEquals("ambiguous", seen.getString("mapping.status"));
        assertThat(seen.getString("mapping.note"), containsString("share the email shared@example.com"));
    }

    @Test
    void aStrangerIsUnmatched() {
        UUID profile = newProfileId();
        login(profile, "stranger@example.org", "+1 555 010 9999", "Nobody Known");

        JsonPath seen = awaitMapping(profile);
        assertEquals("unmatched", seen.getString("mapping.status"));
        assertNull(seen.getString("mapping.matchedBy"));
    }

    private static void assertMatched(JsonPath seen, String crmId, String by) {
        assertEquals("matched", seen.getString("mapping.status"), seen.getString("mapping.note"));
        assertEquals(by, seen.getString("mapping.matchedBy"));
        assertEquals(crmId, dev.syncline.commons.testing.TestDatabase.queryString(
                "select crm_customer_id from package_sync.crm_mapping where profile_id = '" + seen.getString("profileId") + "'"));
    }
}
