/**
 * Name resolution: the namespace providers registered now, bounded calls into them, lookups that
 * fan out over the namespace catalog, and the result cache.
 */
package ws2.core.namespace;
