package org.serverlessloyalty.shared.level.model;

/**
 * Why a member's level is being recalculated (rules L3-L5): the downgrade mode lets some of them move a member down
 * and not others.
 */
public enum LevelMovement {
    /** A change to the member's points or transactions: up at once; down as the downgrade mode says. */
    CHANGE,
    /** The scheduled recalculation: also moves down an after_x_days member whose days have passed. */
    SCHEDULED,
    /** The manual level was removed (L-9): the level follows the amount now, up or down. */
    MANUAL_REMOVED
}
