/**
 * The ws2 launcher: the main class of {@code ws2-runtime.jar}, which embeds the Felix framework and every
 * bundle of the product.
 *
 * <p>{@link ws2.runtime.Launcher} parses the command line ({@link ws2.runtime.Options}), prepares the home
 * folder ({@link ws2.runtime.RuntimeHome}), boots the framework with the embedded bundles
 * ({@link ws2.runtime.Ws2Runtime}, {@link ws2.runtime.EmbeddedBundles}) and then either leaves the terminal
 * to the Gogo shell or runs Gogo scripts itself ({@link ws2.runtime.ScriptRunner},
 * {@link ws2.runtime.GogoSession}).
 *
 * <p>This package is not a bundle and nothing inside the framework sees it. It holds no Gogo class: Gogo
 * lives inside the framework and is reached only through its service, by reflection.
 */
package ws2.runtime;
