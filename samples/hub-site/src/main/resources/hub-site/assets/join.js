// The hub's join page: shows the invitation in ?code=, and lets a person signed in at the hub accept it with a
// handle and name they pick; in approval mode, without a code, it sends a join request instead. Every text from
// the server goes into the page through textContent, never as markup.
(function () {
  'use strict';

  var root = document.getElementById('join');
  if (!root) {
    return;
  }
  var api = root.getAttribute('data-api');
  var status = document.getElementById('join-status');
  var code = new URLSearchParams(window.location.search).get('code');

  function element(id) {
    return document.getElementById(id);
  }

  function say(text) {
    status.textContent = text;
  }

  function show(id) {
    element(id).hidden = false;
  }

  function hide(id) {
    element(id).hidden = true;
  }

  function answer(response) {
    return response.json().catch(function () {
      return null;
    }).then(function (body) {
      return { ok: response.ok, status: response.status, body: body || {} };
    });
  }

  function get(path) {
    return fetch(api + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(answer);
  }

  function post(path, csrf, payload) {
    return fetch(api + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Chorus-CSRF': csrf },
      body: JSON.stringify(payload)
    }).then(answer);
  }

  function problem(result, fallback) {
    return typeof result.body.detail === 'string' && result.body.detail ? result.body.detail : fallback;
  }

  function done(title, text) {
    hide('join-accept');
    hide('join-request');
    element('join-done-title').textContent = title;
    element('join-done-text').textContent = text;
    show('join-done');
  }

  function value(form, name) {
    return form.elements.namedItem(name).value.trim();
  }

  function day(time) {
    return new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  }

  function acceptInvitation(session) {
    get('/api/invitations/' + encodeURIComponent(code)).then(function (invitation) {
      if (!invitation.ok) {
        say(problem(invitation, 'This invitation cannot be used.'));
        return;
      }
      var organisation = invitation.body.organisation;
      element('join-invitation-text').textContent = (organisation
        ? 'You are invited to join the network as a member of ' + organisation.name + '.'
        : 'You are invited to join the network.') + ' The invitation is open until ' + day(invitation.body.expiresAt) + '.';
      show('join-invitation');
      if (!session.account) {
        say('Sign in at the hub to accept the invitation.');
        show('join-signin');
        return;
      }
      say('Pick the handle and name others will see.');
      var form = element('join-accept');
      show('join-accept');
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        say('Joining…');
        post('/api/invitations/' + encodeURIComponent(code) + '/accept', session.csrf,
          { handle: value(form, 'handle'), name: value(form, 'name') }).then(function (result) {
          if (result.status === 201) {
            say('You are a member now.');
            done('Welcome, ' + result.body.name, 'You are @' + result.body.handle
              + ' in the network. What you post appears in everyone\'s timeline.');
          } else {
            say(problem(result, 'The invitation could not be accepted; try again.'));
          }
        }, function () {
          say('The hub could not be reached; try again.');
        });
      });
    });
  }

  function requestToJoin(session) {
    if (!session.account) {
      say('Sign in at the hub to ask to join.');
      show('join-signin');
      return;
    }
    var earlier = session.joinRequest;
    if (earlier && earlier.status === 'pending') {
      say('Your request to join as @' + earlier.handle + ' is waiting for the hub\'s admins.');
      return;
    }
    say(earlier && earlier.status === 'declined'
      ? 'Your last request was declined' + (earlier.reason ? ': ' + earlier.reason : '.') + ' You may ask again.'
      : 'This hub takes requests to join. Tell the admins who you are.');
    var form = element('join-request');
    show('join-request');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      say('Sending…');
      post('/api/join-requests', session.csrf, {
        handle: value(form, 'handle'), name: value(form, 'name'), message: value(form, 'message')
      }).then(function (result) {
        if (result.status === 201) {
          say('Your request is sent.');
          done('Request sent', 'The hub\'s admins will decide on your request to join as @' + result.body.handle
            + '. Come back to this page to see their answer.');
        } else {
          say(problem(result, 'The request could not be sent; try again.'));
        }
      }, function () {
        say('The hub could not be reached; try again.');
      });
    });
  }

  get('/api/session').then(function (result) {
    var session = result.body;
    if (session.member) {
      say('You are a member already, as @' + session.member.handle + '.');
      return;
    }
    if (code) {
      acceptInvitation(session);
    } else if (session.joining === 'approval') {
      requestToJoin(session);
    } else {
      say('Joining this network needs an invitation. Ask the hub\'s staff for one and open its link.');
    }
  }, function () {
    say('The hub could not be reached; reload the page to try again.');
  });
}());
