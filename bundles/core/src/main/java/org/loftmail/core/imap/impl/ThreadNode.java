package org.loftmail.core.imap.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.loftmail.core.imap.ThreadMessage;

/** A container of the threading algorithms: a message, or a dummy standing for a missing one. */
public final class ThreadNode {
    /** Orders siblings by sent date, then id; a dummy sorts as its first child. */
    static final Comparator<ThreadNode> BY_DATE = (a, b) -> {
        ThreadMessage x = a.sortMessage();
        ThreadMessage y = b.sortMessage();
        int c = Long.compare(x.sentDate(), y.sentDate());
        return c != 0 ? c : Long.compare(x.id(), y.id());
    };

    /** {@link #BY_DATE} from the keys {@link #sortTree} settled, without walking down dummies. */
    private static final Comparator<ThreadNode> BY_SETTLED_DATE = (a, b) -> {
        int c = Long.compare(a.sortDate, b.sortDate);
        return c != 0 ? c : Long.compare(a.sortId, b.sortId);
    };

    ThreadMessage message;
    ThreadNode parent;
    final List<ThreadNode> children = new ArrayList<>();
    /** The sent date and id this node sorts by, as the last {@link #sortTree} found them. */
    private long sortDate;
    private long sortId;

    ThreadNode(ThreadMessage message) {
        this.message = message;
    }

    boolean isDummy() {
        return message == null;
    }

    private ThreadMessage sortMessage() {
        ThreadNode n = this;
        while (n.message == null) {
            n = n.children.get(0);
        }
        return n.message;
    }

    /** True if {@code other} is this node or one of its ancestors. */
    boolean hasAncestorOrSelf(ThreadNode other) {
        if (other != this && other.children.isEmpty()) {
            return false;  // a leaf is nobody's ancestor; spares a walk up long reply chains
        }
        for (ThreadNode n = this; n != null; n = n.parent) {
            if (n == other) {
                return true;
            }
        }
        return false;
    }

    void addChild(ThreadNode child) {
        if (child.parent != null) {
            child.parent.children.remove(child);
        }
        child.parent = this;
        children.add(child);
    }

    /**
     * Sorts every level below and including the given siblings by date; children first, since
     * a dummy sorts as its first child. Iterative: reply chains can be thousands deep.
     */
    static void sortTree(List<ThreadNode> siblings) {
        List<ThreadNode> all = preOrder(siblings);
        for (int i = all.size() - 1; i >= 0; i--) {
            ThreadNode n = all.get(i);
            if (n.children.size() > 1) {
                n.children.sort(BY_SETTLED_DATE);
            }
            if (n.message != null) {
                n.sortDate = n.message.sentDate();
                n.sortId = n.message.id();
            } else {
                ThreadNode first = n.children.get(0);
                n.sortDate = first.sortDate;
                n.sortId = first.sortId;
            }
        }
        siblings.sort(BY_SETTLED_DATE);
    }

    /** All nodes under (and including) the roots, parents before children, without recursion. */
    static List<ThreadNode> preOrder(List<ThreadNode> roots) {
        List<ThreadNode> all = new ArrayList<>();
        Deque<ThreadNode> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            ThreadNode n = stack.pop();
            all.add(n);
            n.children.forEach(stack::push);
        }
        return all;
    }

    /** Writes threads as RFC 5256 thread-lists: {@code (1 2 (3)(4))}; iterative. */
    public static String writeAll(List<ThreadNode> roots) {
        StringBuilder out = new StringBuilder();
        Deque<Object> todo = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            todo.push(")");
            todo.push(roots.get(i));
            todo.push("(");
        }
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof String text) {
                out.append(text);
            } else {
                ((ThreadNode) next).writeOne(out, todo);
            }
        }
        return out.toString();
    }

    /** Writes this node's id and schedules its children: one child chains, several nest. */
    private void writeOne(StringBuilder out, Deque<Object> todo) {
        if (message != null) {
            out.append(message.id());
        }
        String gap = message != null && !children.isEmpty() ? " " : "";
        if (children.size() == 1) {
            todo.push(children.get(0));
        } else {
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(")");
                todo.push(children.get(i));
                todo.push("(");
            }
        }
        if (!gap.isEmpty()) {
            todo.push(gap);
        }
    }
}
