namespace Mconf.Mock.Engine;

/// <summary>Mconf-Live guests (specs/reference.md §6.2): a guest who connects waits for a moderator's answer under the
/// default ASK_MODERATOR policy; accepting lets the guest in, denying kicks the guest out.</summary>
internal sealed partial class Meeting
{
    /// <summary>A moderator's answer to a waiting guest: accept lets the guest in, deny kicks the guest out.</summary>
    public void AnswerGuest(string userRef, bool accept)
    {
        lock (_gate)
        {
            var user = ResolveConnected(userRef);
            if (!user.WaitingForAcceptance)
            {
                throw new FakeControlException(ControlError.Conflict, $"User '{userRef}' is not a guest waiting for acceptance.");
            }

            Answer(user, accept);
            Changed();
        }
    }

    /// <summary>Answers every waiting guest; returns how many were waiting.</summary>
    public int AnswerAllGuests(bool accept)
    {
        lock (_gate)
        {
            var waiting = _participants.Where(u => u.WaitingForAcceptance).ToList();
            foreach (var user in waiting)
            {
                Answer(user, accept);
            }

            Changed();
            return waiting.Count;
        }
    }

    private void Answer(User user, bool accept)
    {
        if (accept)
        {
            user.WaitingForAcceptance = false;
            AssignPresenterIfNone(user);
        }
        else
        {
            DisconnectLocked(user);
            Forget(user);
        }
    }
}
