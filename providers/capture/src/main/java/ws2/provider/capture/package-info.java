/**
 * The ws2 Capture: a fail-open layered service provider ({@code LSP_INSPECTOR}) that writes the
 * data of its IPv4 and IPv6 sockets to a pcapng file for Wireshark, configured from ConfigAdmin.
 *
 * <p>{@link ws2.provider.capture.CaptureProvider} is the DS component: it carries the layer's
 * catalog declaration and its configuration ({@link ws2.provider.capture.CaptureSettings}), and
 * starts one {@link ws2.provider.capture.CaptureDispatch} per client context. A dispatch marks the
 * caller's buffers of each data call ({@link ws2.provider.capture.Tap}) and hands what moved to the
 * socket ({@link ws2.provider.capture.CaptureSocket}), which keeps a stream's
 * {@link ws2.provider.capture.TcpFlow} and makes the packets ({@link ws2.provider.capture.Packets});
 * they go to the one {@link ws2.provider.capture.PcapngWriter} the
 * {@link ws2.provider.capture.Recorder} holds in force.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.capture;
