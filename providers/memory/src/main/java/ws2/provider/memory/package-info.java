/**
 * The memory base transport provider: stream sockets over in-process byte pipes, with non-IFS
 * handles.
 *
 * <p>{@link ws2.provider.memory.MemoryProvider} is the DS component and carries the catalog entry;
 * {@link ws2.provider.memory.MemoryDispatch} is the {@code WSPPROC_TABLE} of one client context.
 * Every handle comes from {@code WPUCreateSocketHandle} with a {@link ws2.provider.memory.Descriptor}
 * as its context; descriptors of one socket (several after {@code WSPDuplicateSocket}) share an
 * {@link ws2.provider.memory.Endpoint}, and a connection is a {@link ws2.provider.memory.Link} of two
 * bounded {@link ws2.provider.memory.Pipe}s.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.memory;
