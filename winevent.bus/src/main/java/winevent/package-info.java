/**
 * WinEvents for the JVM: {@link winevent.WinEventBus} ({@code SetWinEventHook},
 * {@code UnhookWinEvent}, {@code NotifyWinEvent} and the atom functions that allocate event IDs),
 * the event constants and ranges of {@code winuser.h}, and the accessible-object lookup
 * ({@code AccessibleObjectFromEvent}) that turns an event triple into details.
 *
 * <p>The services are implemented by the winevent.bus bundle and are bundle-scoped: a bundle is a
 * "process", and its hooks, windows and atoms go away when it stops. Event sources (ws2.core among
 * them) notify; clients hook; both use {@link winevent.WinEventProc} callbacks.
 */
@Export
@Version("1.0.0")
package winevent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
