/** Pass-through layered providers: the smallest LSPs ws2 can have. */
package ws2.provider.passthrough;
