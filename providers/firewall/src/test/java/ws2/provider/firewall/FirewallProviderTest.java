package ws2.provider.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class FirewallProviderTest {
    private static FirewallProvider.Config config(String fallback, String... rules) {
        return new FirewallProvider.Config() {
            @Override
            public String[] rules() {
                return rules;
            }

            @Override
            public String default$() {
                return fallback;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return FirewallProvider.Config.class;
            }
        };
    }

    @Test
    void withoutConfigurationEverythingIsAllowed() {
        FirewallProvider provider = new FirewallProvider(config("allow"));
        assertEquals("ws2 Firewall (ws2.firewall): 0 rules, default allow; 0 allowed, 0 denied\n",
                new FirewallCommands(provider).rules());
    }

    @Test
    void malformedFirstConfigurationDeniesEverything() {
        FirewallProvider provider = new FirewallProvider(config("allow", "deny port=x"));
        assertEquals("""
                ws2 Firewall (ws2.firewall): 0 rules, default deny; 0 allowed, 0 denied
                last configuration refused: WSAEINVAL (10022): rule 1 'deny port=x': port 'x' is not a number in 0-65535
                """, new FirewallCommands(provider).rules());
    }

    @Test
    void modifiedAppliesNewRulesInPlaceAndKeepsThemWhenTheNextIsMalformed() {
        FirewallProvider provider = new FirewallProvider(config("allow"));
        FirewallCommands commands = new FirewallCommands(provider);
        provider.modified(config("deny", "allow client=ws2.it.*\ndeny port=7000-7010", "allow address=10.0.0.0/8"));
        provider.modified(config("deny", "allow address=10.0.0.0/33"));
        assertEquals("""
                ws2 Firewall (ws2.firewall): 3 rules, default deny; 0 allowed, 0 denied
                   1  allow client=ws2.it.*
                   2  deny port=7000-7010
                   3  allow address=10.0.0.0/8
                last configuration refused: WSAEINVAL (10022): rule 1 'allow address=10.0.0.0/33': prefix length '33' is\
                 not a number in 0-32
                """, commands.rules());
    }
}
