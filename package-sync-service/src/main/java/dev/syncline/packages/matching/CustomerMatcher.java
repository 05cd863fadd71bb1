package dev.syncline.packages.matching;

import dev.syncline.packages.crm.CrmClient;
import dev.syncline.packages.crm.CrmCustomer;
import dev.syncline.packages.profile.CrmMatch;
import dev.syncline.packages.profile.Profile;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the one CRM customer a profile belongs to: by email (case-insensitive), else by phone
 * number (whatever its format), else by name. Two or more candidates at a step make the match
 * ambiguous: nothing is mapped, and the note says which step found whom.
 */
@ApplicationScoped
public class CustomerMatcher {

    private final CrmClient crm;

    public CustomerMatcher(CrmClient crm) {
        this.crm = crm;
    }

    public Uni<CrmMatch> match(Profile profile) {
        return byEmail(profile)
                .chain(match -> match != null ? Uni.createFrom().item(match) : byPhone(profile))
                .chain(match -> match != null ? Uni.createFrom().item(match) : byName(profile))
                .map(match -> match != null ? match
                        : CrmMatch.unmatched("No CRM customer has this profile's email, phone number or name"));
    }

    private Uni<CrmMatch> byEmail(Profile profile) {
        String email = profile.email() == null ? null : profile.email().trim().toLowerCase(Locale.ROOT);
        if (email == null || email.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // ilike without wildcards is a case-insensitive equality; a * or % in the address would be one.
        String condition = email.matches(".*[*%].*") ? "eq." + email : "ilike." + email;
        return crm.customersWhere("email", condition)
                .map(found -> decide(found.stream().filter(c -> c.email() != null
                        && c.email().trim().equalsIgnoreCase(email)).toList(), "email", "share the email " + email));
    }

    private Uni<CrmMatch> byPhone(Profile profile) {
        Optional<String> phone = PhoneNumber.normalise(profile.phone());
        if (phone.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return crm.customersWhere("phone", "like." + PhoneNumber.lookupPattern(phone.get()))
                .map(found -> decide(found.stream().filter(c -> PhoneNumber.normalise(c.phone()).equals(phone)).toList(),
                        "phone", "share the phone number " + phone.get()));
    }

    private Uni<CrmMatch> byName(Profile profile) {
        String name = normalisedName(profile.name());
        if (name.isEmpty() || name.matches(".*[*%].*")) {
            return Uni.createFrom().nullItem();
        }
        // Wildcards between the words find "Zed  Quill" for "zed quill"; the exact check happens here.
        return crm.customersWhere("name", "ilike." + name.replace(' ', '*'))
                .map(found -> decide(found.stream().filter(c -> normalisedName(c.name()).equalsIgnoreCase(name)).toList(),
                        "name", "are named " + name));
    }

    private static CrmMatch decide(List<CrmCustomer> candidates, String by, String sharing) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return CrmMatch.matched(candidates.get(0).id(), by);
        }
        return CrmMatch.ambiguous(candidates.size() + " CRM customers " + sharing + ": "
                + String.join(", ", candidates.stream().map(CrmCustomer::id).limit(5).toList()));
    }

    private static String normalisedName(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ");
    }
}
