package ws2.provider.firewall;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code firewall:rules} Gogo command: what {@code netsh advfirewall firewall show rule} is to
 * the Windows firewall. Returns its listing as text for the shell to print.
 */
@Component(service = Object.class, property = {"osgi.command.scope=firewall", "osgi.command.function=rules"})
public final class FirewallCommands {
    private final Firewall firewall;

    /**
     * Creates the command.
     *
     * @param provider the firewall layer
     */
    @Activate
    public FirewallCommands(@Reference(name = "provider") FirewallProvider provider) {
        this.firewall = provider.firewall();
    }

    /**
     * {@code firewall:rules}: the rules in force, numbered as in the configuration, the default,
     * the count of allowed and denied calls, and why the last configuration was refused, if it was.
     *
     * @return the listing
     */
    public String rules() {
        RuleSet set = firewall.rules();
        StringBuilder sb = new StringBuilder();
        sb.append("ws2 Firewall (").append(FirewallProvider.PID).append("): ").append(set).append("; ")
                .append(firewall.allowed()).append(" allowed, ").append(firewall.denied()).append(" denied\n");
        for (Rule r : set.rules()) {
            sb.append(String.format("%4d  %s", r.number(), r)).append('\n');
        }
        String refusal = firewall.refusal();
        if (refusal != null) {
            sb.append("last configuration refused: ").append(refusal).append('\n');
        }
        return sb.toString();
    }
}
