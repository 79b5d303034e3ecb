import {
  notificationTarget,
  type NotificationKind,
  type NotificationTarget,
} from '../shared/desktop/notificationRoutes';

/** The slice of Electron's Notification this module drives. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported: () => boolean;
  create: (options: { title: string; body: string }) => NotificationLike;
  /** Shows and focuses the main window; `opened` when none was left and a new one loads. */
  showWindow: () => { opened: boolean };
  /** Sends the navigate command to the window's page. */
  navigate: (target: NotificationTarget) => void;
}

export type Notify = (title: string, body: string, kind?: NotificationKind) => boolean;

/**
 * Desktop notifications whose click brings the window forward on the page of their kind. Shown
 * notifications are held until clicked or closed: on Windows one collected by the garbage collector
 * loses its click handler (electron/electron#12690).
 */
export const createNotifier = ({ isSupported, create, showWindow, navigate }: NotifierDeps): Notify => {
  const live = new Set<NotificationLike>();
  return (title, body, kind) => {
    if (!isSupported()) return false;
    const notification = create({ title, body });
    live.add(notification);
    notification.on('close', () => live.delete(notification));
    notification.on('click', () => {
      live.delete(notification);
      const { opened } = showWindow();
      // A window that had to be opened starts on the clerk's last page; its page cannot hear a
      // command before it has loaded.
      if (kind !== undefined && !opened) navigate(notificationTarget(kind));
    });
    notification.show();
    return true;
  };
};
