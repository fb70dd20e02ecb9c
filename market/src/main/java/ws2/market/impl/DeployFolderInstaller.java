package ws2.market.impl;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaException;
import ws2.market.Marketplace;
import ws2.market.install.DeployedJar;
import ws2.market.install.Installer;

/**
 * Puts the ws2 provider jars of Felix FileInstall's deploy folder through the marketplace: FileInstall
 * asks its registered {@link ArtifactInstaller}s before its own bundle handling, so the jars this
 * claims (a {@code Provide-Capability} in {@code ws2.transport}, {@code ws2.layered} or
 * {@code ws2.namespace}) are staged, hashed into the journal, checked against the publisher keys of
 * the framework property {@value #DEPLOY_KEYS_PROPERTY} (comma-separated SHA-256 fingerprints; unset
 * accepts unsigned jars), activated all or nothing with the health check, and uninstalled through
 * the marketplace when deleted. Other jars keep FileInstall's own handling.
 *
 * <p>The FileInstall package is an optional import: without FileInstall nobody asks for this
 * delayed component's service, so its class is never loaded and the marketplace runs alone. A
 * refusal is journaled and logged, not thrown, so FileInstall does not retry it at every poll.
 */
@Component(service = ArtifactInstaller.class)
public final class DeployFolderInstaller implements ArtifactInstaller {
    /** Framework property: the publisher keys dropped provider jars must be signed by, comma-separated. */
    public static final String DEPLOY_KEYS_PROPERTY = "ws2.market.deploy.keys";
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderInstaller.class);

    private final Installer installer;
    private final List<String> keys;

    /**
     * Creates the installer of dropped jars.
     *
     * @param context this bundle's context, for {@value #DEPLOY_KEYS_PROPERTY}
     * @param market this bundle's marketplace
     */
    @Activate
    public DeployFolderInstaller(BundleContext context,
            @Reference(target = "(component.name=ws2.market.impl.MarketplaceComponent)") Marketplace market) {
        this.installer = ((MarketplaceComponent) market).installer();
        String value = context.getProperty(DEPLOY_KEYS_PROPERTY);
        this.keys = value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    @Override
    public boolean canHandle(File artifact) {
        return DeployedJar.isProvider(artifact.toPath());
    }

    @Override
    public void install(File artifact) {
        deploy(artifact);
    }

    @Override
    public void update(File artifact) {
        deploy(artifact);
    }

    private void deploy(File artifact) {
        try {
            installer.deploy(artifact.toPath(), keys, line -> LOG.debug("Marketplace deploy {}: {}", artifact, line));
        } catch (WsaException e) {
            LOG.debug("The deploy of {} was refused (journaled and logged): {}", artifact, e.getMessage());
        }
    }

    @Override
    public void uninstall(File artifact) {
        try {
            installer.undeploy(artifact.toPath());
        } catch (WsaException e) {
            LOG.debug("The uninstall of {} was refused (journaled and logged): {}", artifact, e.getMessage());
        }
    }
}
