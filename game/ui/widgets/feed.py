"""The live feed: this turn's posts as one OptionList (bounded, not one widget per post)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.engine.state import Post, VideoStatus
from game.ui.literal import followers, join, one_line

# Sentiment reads without colour: a symbol and a word, with the colour on top.
STANCE_MARK = {
    "hostile": ("✖ hostile", "$error bold"),
    "neutral": ("● neutral", "$foreground-muted"),
    "supportive": ("✔ supportive", "$success bold"),
}
SOURCE_NOTE = {"key": " ★ key account", "press": " ▣ press", "org": " ◆ OUR POST", "response": " ▶ response video"}

MAX_POSTS = 200  # the engine sends the most visible posts first; more would not be read anyway


def post_prompt(post: Post, deleted: bool = False) -> Content:
    """A post as three lines: who and how they feel, what they said, how far it travels.
    A post we deleted stays in the turn's feed (people saw it), struck through and marked."""
    word, style = STANCE_MARK.get(post.stance, (post.stance, ""))
    if post.source == "org":
        word, style = "◆ ours", "$accent bold"
    if deleted:
        return join(
            ("✕ DELETED ", "$error bold"),
            (f"{word} ", style),
            (f"@{one_line(post.author)}", "$text-muted"),
            "\n",
            (post.text, "strike $text-muted"),
            "\n",
            (f"deleted by you · it was up from {post.time:%a %H:%M}; screenshots survive", "$text-muted"),
        )
    return join(
        (f"{word:<12} ", style),  # "✔ supportive" is 12 wide: the space keeps it off the name
        (one_line(post.name), "bold"),
        " ",
        (f"@{one_line(post.author)}", "$text-muted"),
        f" · {followers(post.followers)} followers",
        (SOURCE_NOTE.get(post.source, "") if post.source != "org" else "", "$warning"),
        "\n",
        (post.text, ""),
        "\n",
        (
            # A response video's count is its views (reactions.py); a post's, its likes and reposts.
            f"▶ {post.likes:,} views  · {post.time:%a %H:%M}"
            if post.source == "response"
            else f"♥ {post.likes}  ⟲ {post.reposts} reposts  · {post.time:%a %H:%M}",
            "$text-muted",
        ),
    )


class Feed(OptionList):
    """This turn's posts, most visible first. Enter (or a click) asks to reply to the post."""

    _turn: int | None = None
    _shown_now: tuple | None = None  # (turn, posts, deleted) on screen now

    def show(self, posts: tuple[Post, ...], turn: int, deleted: set | frozenset = frozenset()) -> None:
        """Replace the list with ``posts``; within a turn the highlight stays on the same post."""
        shown_now = (turn, posts[:MAX_POSTS], frozenset(deleted))
        if shown_now == self._shown_now and self.option_count:
            # The same posts as on screen (an action, a dialog closed): rebuilding every option would
            # re-render the whole list and move nothing (issue 21: a keypress under 50 ms).
            return
        self._shown_now = shown_now
        current = self.highlighted_post_id if turn == self._turn else None
        self._turn = turn
        self.clear_options()
        options = []
        for post in posts[:MAX_POSTS]:
            options.append(Option(post_prompt(post, post.id in deleted), id=post.id))
            options.append(None)  # a separator line between posts
        if options:
            options.pop()
        self.add_options(options)
        if not posts:
            return
        shown = posts[:MAX_POSTS]
        ids = [p.id for p in shown]
        # Start on the loudest post by someone else: that is what a reply is for.
        first_other = next((i for i, p in enumerate(shown) if p.source != "org"), 0)
        index = ids.index(current) if current in ids else first_other
        self.highlighted = self.get_option_index(ids[index])

    @property
    def highlighted_post_id(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        try:
            return self.get_option_at_index(self.highlighted).id
        except Exception:  # noqa: BLE001 - the list was just cleared
            return None


class FeedTitle(Static):
    """What the feed holds, with the reply key; shortened when the column is too narrow for that."""

    _texts = ("", "")

    def show(self, span: str, posts: int, hostile: int, video: VideoStatus | None = None) -> None:
        plural = "" if posts == 1 else "s"
        if video is not None:
            self._texts = video_title(span, posts, hostile, video)
        else:
            self._texts = (
                f"Feed, {span}: {posts} top post{plural}, {hostile} hostile · Enter: reply",
                # still "top": the feed shows the loudest posts, not every post the turn made
                f"{span[:1].upper()}{span[1:]}: top {posts}, {hostile} hostile",
            )
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    _drawn: str | None = None

    def _draw(self) -> None:
        full, short = self._texts
        text = full if not self.size.width or len(full) <= self.size.width else short
        if text != self._drawn:
            self._drawn = text
            # One line high whatever it says (play.tcss): no layout, which would redraw every widget.
            self.update(Content(text), layout=False)


def video_counts(video: VideoStatus) -> str:
    """The counts under the video, as the platform shows them: '80,365 dislikes · 1,928 likes'."""
    if not video.public:
        return "video private"
    counts = f"{video.reactions.dislikes:,} dislikes · {video.reactions.likes:,} likes"
    return counts if video.ratings_shown else f"ratings off (stopped at {counts})"


def video_title(span: str, posts: int, hostile: int, video: VideoStatus) -> tuple[str, str]:
    """The feed's title on a video platform: the counts under the video, then what the feed holds —
    the comments, or (comments held) posts about the video on other sites."""
    one = posts == 1
    where = ("comment" if one else "comments") if video.comments_open and video.public else ("post" if one else "posts")
    where += "" if video.comments_open and video.public else " elsewhere"
    counts = video_counts(video)
    return (
        f"Under the video: {counts} · {span}: top {posts} {where}, {hostile} hostile · Enter: reply",
        f"{counts} · top {posts} {where}",
    )
