package dev.syncline.erp.softone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The custom service's request: credentials, and the window start we want (none: every trader). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraderQuery(String username, String password, String company,
                          @JsonProperty("window_start") String windowStart) {

    @Override
    public String toString() {
        return "TraderQuery[username=" + username + ", password=***, company=" + company + ", window_start=" + windowStart + "]";
    }
}
