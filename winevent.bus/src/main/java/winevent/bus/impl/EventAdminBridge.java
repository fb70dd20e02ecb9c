package winevent.bus.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import winevent.WinEventBus;
import winevent.WinEventHook;
import winevent.WinEventProc;
import winevent.WinEvents;

/**
 * Optional bridge to OSGi EventAdmin, off unless configured (PID {@code winevent.eventadmin},
 * configuration required): an out-of-context hook posts every event of its range
 * ({@link EventAdmin#postEvent}) to the topic {@code <prefix>/<category>/<name or 0xHEX>}, for
 * example {@code winevent/object/EVENT_OBJECT_CREATE}. Atom events use their hexadecimal ID in the
 * topic (atom strings are not topic tokens) and carry the string in the {@code name} property.
 *
 * <p>The hook belongs to the winevent.bus bundle's own context. Events are posted from the hook's
 * delivery thread, so a slow EventAdmin only fills this hook's queue; EventAdmin failures count as
 * callback failures (ten in a row isolate the hook).
 */
@Component(service = {}, configurationPid = EventAdminBridge.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EventAdminBridge.Config.class)
public final class EventAdminBridge {
    /** The configuration PID. */
    public static final String PID = "winevent.eventadmin";
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*");

    /** What the bridge forwards, and where. */
    @ObjectClassDefinition(name = "WinEvent to EventAdmin bridge",
            description = "Posts WinEvents to OSGi EventAdmin topics <prefix>/<category>/<event name or 0xHEX>")
    public @interface Config {
        /**
         * The lowest event ID forwarded.
         *
         * @return an ID
         */
        @AttributeDefinition(name = "Lowest event", description = "Lowest event ID forwarded")
        int eventMin() default WinEvents.EVENT_MIN;

        /**
         * The highest event ID forwarded.
         *
         * @return an ID
         */
        @AttributeDefinition(name = "Highest event", description = "Highest event ID forwarded")
        int eventMax() default WinEvents.EVENT_MAX;

        /**
         * The first topic tokens.
         *
         * @return for example {@code winevent}
         */
        @AttributeDefinition(name = "Topic prefix", description = "Topic tokens before the category")
        String topicPrefix() default "winevent";
    }

    private final WinEventBus bus;
    private final WinEventHook hook;

    /**
     * Sets the hook.
     *
     * @param bus the bus, as the winevent.bus bundle's own context
     * @param eventAdmin where events are posted
     * @param config the range and the topic prefix
     * @throws IllegalArgumentException for a prefix that is not a topic
     */
    @Activate
    public EventAdminBridge(@Reference WinEventBus bus, @Reference EventAdmin eventAdmin, Config config) {
        if (!TOPIC_PREFIX.matcher(config.topicPrefix()).matches()) {
            throw new IllegalArgumentException("topicPrefix '" + config.topicPrefix() + "' is not a topic: tokens of"
                    + " letters, digits, '_' and '-' separated by '/'");
        }
        this.bus = bus;
        this.hook = bus.setWinEventHook(config.eventMin(), config.eventMax(), null,
                new Poster(bus, eventAdmin, config.topicPrefix()), 0, 0, WinEvents.WINEVENT_OUTOFCONTEXT);
    }

    /** Removes the hook; events still queued are not posted. */
    @Deactivate
    void deactivate() {
        bus.unhookWinEvent(hook);
    }

    /** The hook's callback; runs on its delivery thread only, so the topic cache needs no lock. */
    private static final class Poster implements WinEventProc {
        private final WinEventBus bus;
        private final EventAdmin eventAdmin;
        private final String prefix;
        /** Topic by event ID, filled on first use: a topic depends on the ID alone. */
        private final String[] topics = new String[EventRanges.IDS];

        Poster(WinEventBus bus, EventAdmin eventAdmin, String prefix) {
            this.bus = bus;
            this.eventAdmin = eventAdmin;
            this.prefix = prefix;
        }

        @Override
        public void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread,
                long eventTime) {
            Map<String, Object> p = new HashMap<>();
            p.put("event", event);
            p.put("hwnd", hwnd);
            p.put("idObject", idObject);
            p.put("idChild", idChild);
            p.put("thread", eventThread);
            p.put("time", eventTime);
            String name = EventNames.name(event, bus);
            if (name != null) {
                p.put("name", name);
            }
            eventAdmin.postEvent(new Event(topic(event), p));
        }

        private String topic(int event) {
            String t = topics[event];
            if (t == null) {
                String constant = WinEvents.name(event);
                t = prefix + "/" + EventNames.category(event) + "/" + (constant != null ? constant : EventNames.hex(event));
                topics[event] = t;
            }
            return t;
        }
    }
}
