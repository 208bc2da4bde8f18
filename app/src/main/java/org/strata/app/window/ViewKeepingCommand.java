package org.strata.app.window;

import org.strata.app.document.Command;

/**
 * An edit that changes how the graph is best viewed (an auto-layout): undoing it puts the view back as it was, and
 * redoing it fits the view again, so that undo restores what the user saw and not only where the nodes were.
 */
final class ViewKeepingCommand implements Command {
    private final Command edit;
    private final Runnable viewBefore;
    private final Runnable viewAfter;

    /**
     * @param viewBefore restores the view the edit replaced (run after an undo)
     * @param viewAfter  fits the view to the edit's result (run after a redo, once the canvas shows it)
     */
    ViewKeepingCommand(Command edit, Runnable viewBefore, Runnable viewAfter) {
        this.edit = edit;
        this.viewBefore = viewBefore;
        this.viewAfter = viewAfter;
    }

    @Override
    public void execute() {
        edit.execute();
        // the canvas follows the document after the command: fit once it shows the new positions
        javafx.application.Platform.runLater(viewAfter);
    }

    @Override
    public void undo() {
        edit.undo();
        javafx.application.Platform.runLater(viewBefore);
    }

    @Override
    public String description() {
        return edit.description();
    }
}
